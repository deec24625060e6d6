import { useTranslation } from 'react-i18next';
import { useDueDay } from '../shared/due-day.ts';

export type DeadlineState = 'ok' | 'warning' | 'overdue' | 'closedOnTime' | 'closedLate';

/** How an item stands against its deadline, in words and colour. */
export function DeadlineBadge({ state, dueDay }: { state: DeadlineState; dueDay: string }) {
  const { t } = useTranslation();
  const due = useDueDay();
  return (
    <span className={`ledger-badge ${state}`} title={t('ledgers:deadline.due', { day: due(dueDay) })}>
      {t(`ledgers:deadline.${state}`)}
    </span>
  );
}
