import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { useQuery } from '../shared/use-api.ts';

/**
 * Who saw citizens' full ID numbers and phones in the period (the manager's report of reveals),
 * and whether the audit log's hash chain still holds.
 */
export function RevealsSection({ fromDay, toDay }: { fromDay: string; toDay: string }) {
  const { t } = useTranslation();
  const reveals = useQuery('customers/reveals', { fromDay, toDay });
  const chain = useQuery('audit/verify', {});
  return (
    <section className="card" aria-labelledby="reveals-title">
      {chain.data && (
        <p className={chain.data.ok ? 'notice' : 'error-banner'} role="status" data-testid="audit-chain">
          {chain.data.ok ? t('ledgers:audit.chainOk', { count: chain.data.entries }) : t('ledgers:audit.chainBroken', { id: chain.data.brokenAtId })}
        </p>
      )}
      <h2 id="reveals-title">{t('ledgers:reveals.title')}</h2>
      <ErrorBanner error={chain.error} />
      <QueryState query={reveals} isEmpty={(data) => data.perStaff.length === 0} emptyText={t('ledgers:reveals.none')}>
        {(data) => (
          <table className="plain" aria-label={t('ledgers:reveals.title')} data-testid="reveals">
            <thead>
              <tr>
                <th>{t('ledgers:reveals.staff')}</th>
                <th>{t('ledgers:reveals.count')}</th>
                <th>{t('ledgers:reveals.latest')}</th>
              </tr>
            </thead>
            <tbody>
              {data.perStaff.map((s) => {
                const latest = data.entries.find((e) => e.staffId === s.staffId);
                return (
                  <tr key={s.staffId}>
                    <td>{s.staffName}</td>
                    <td>{s.count}</td>
                    <td>
                      {latest
                        ? `${formatHallDateTime(latest.at)} · ${latest.reason ? t(`ledgers:reveals.reason.${latest.reason}`, { defaultValue: latest.reason }) : ''}`
                        : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
