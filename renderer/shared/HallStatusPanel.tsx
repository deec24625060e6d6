import { useTranslation } from 'react-i18next';
import type { SessionScope } from '../api/session.ts';
import { ErrorBanner } from './errors.tsx';
import { useQuery } from './use-api.ts';

/** Open counters and waiting tickets, live. */
export function HallStatusPanel({ scope }: { scope: SessionScope }) {
  const { t } = useTranslation();
  const status = useQuery('hall/status', {}, { scope, refreshOn: ['hall/status'] });
  if (status.error) return <ErrorBanner error={status.error} />;
  const s = status.data;
  const figures = [
    { key: 'countersOpen', value: s?.countersOpen, of: s?.countersTotal },
    { key: 'ticketsWaiting', value: s?.ticketsWaiting },
    { key: 'ticketsServing', value: s?.ticketsServing },
    { key: 'countersPaused', value: s?.countersPaused },
  ];
  return (
    <section className="hall-status" aria-labelledby="hall-status-title">
      <h2 id="hall-status-title">{t('status.title')}</h2>
      <dl className="figures">
        {figures.map((f) => (
          <div className="figure" key={f.key} data-testid={`status-${f.key}`}>
            <dt>{t(`status.${f.key}`)}</dt>
            <dd>
              <span className="figure-value">{f.value ?? '—'}</span>
              {f.of !== undefined && <span className="figure-of"> / {f.of}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
