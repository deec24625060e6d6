import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { useQuery } from '../shared/use-api.ts';

/**
 * Status updates from the utility the hall could not read: the rest of the feed was applied and
 * the feed moved on; these wait for the manager to take them up with the utility.
 */
export function QuarantineSection({ utility }: { utility: string }) {
  const { t } = useTranslation();
  const quarantined = useQuery('sync/quarantined', { utility, limit: 50 }, { refreshOn: ['sync/progress'] });
  const rows = quarantined.data ?? [];
  return (
    <section aria-label={t('sync:quarantine.title')}>
      <h3>{t('sync:quarantine.title')}</h3>
      <ErrorBanner error={quarantined.error} />
      {rows.length === 0 ? (
        <p className="hint">{t('sync:quarantine.none')}</p>
      ) : (
        <ul className="sync-rejected" data-testid="sync-quarantine">
          {rows.map((q) => (
            <li key={q.id}>
              <strong>{t(`sync:quarantine.problem.${q.problem}`, { field: q.field ?? '' })}</strong> · {formatHallDateTime(q.receivedAt)}
              <div className="hint">{t('sync:quarantine.position', { position: q.position + 1 })}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
