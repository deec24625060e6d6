import { useTranslation } from 'react-i18next';

export type DeadlineState = 'ok' | 'warning' | 'overdue' | 'closedOnTime' | 'closedLate';

/** How an item stands against its deadline, in words and colour. */
export function DeadlineBadge({ state, dueDay }: { state: DeadlineState; dueDay: string }) {
  const { t } = useTranslation();
  return (
    <span className={`ledger-badge ${state}`} title={t('ledgers:deadline.due', { day: dueDay })}>
      {t(`ledgers:deadline.${state}`)}
    </span>
  );
}
