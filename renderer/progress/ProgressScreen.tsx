import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useNames } from '../intake/names.ts';
import { hallDateTime } from '../shared/hall-clock.ts';
import { useInterval } from '../queue/use-interval.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Layout } from '../shared/Layout.tsx';
import { useQuery } from '../shared/use-api.ts';
import './progress.css';
import { useDueDay } from '../shared/due-day.ts';

/** How often the customer's phone asks again. */
const REFRESH_MS = 60_000;
const path = ['accepted', 'dispatched', 'taken', 'completed'] as const;

/** The public page behind the receipt's QR (/p/<token>): states and dates, nothing personal. */
export function ProgressScreen() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  return (
    <Layout title={t('worklists:progress.title')} className="progress-screen">
      <Progress token={token} />
    </Layout>
  );
}

function Progress({ token }: { token: string }) {
  const { t } = useTranslation();
  const due = useDueDay();
  const names = useNames();
  const progress = useQuery('intake/progress', { token });
  useInterval(progress.reload, REFRESH_MS);
  if (progress.error) return <ErrorBanner error={progress.error} />;
  const p = progress.data;
  if (!p) return null;
  return (
    <div className="progress-list" aria-live="polite">
      <p className="hint">{t('worklists:progress.accepted', { day: p.acceptedOn })}</p>
      {p.workOrders.map((w) => {
        const step = (status: string) => w.history.find((h) => h.status === status);
        // The utility's own word: its notes (a return's reason), newest first.
        const notes = w.history.filter((h) => h.note).reverse();
        return (
          <section key={w.utility} className="card narrow progress-card" aria-label={names(w.utilityNames)}>
            <h2>
              {names(w.utilityNames)} <span className={`status-pill ${w.status}`}>{t(`worklists:status.${w.status}`)}</span>
            </h2>
            <ul className="progress-matters">
              {w.matters.map((m) => (
                <li key={m.caseNumber}>
                  <strong>{m.caseNumber}</strong> {names(m.businessNames)} · {t('worklists:progress.dueBy', { day: due(m.dueDay) })}
                </li>
              ))}
            </ul>
            <ol className="progress-steps">
              {(w.status === 'returned' ? [...path.slice(0, 3), 'returned' as const] : path).map((status) => {
                const h = step(status);
                // When the utility acted, as it reported (the hall learns it at night); else when the hall recorded it.
                const at = h?.utilityAt ?? h?.at;
                return (
                  <li key={status} className={at ? 'done' : ''}>
                    <span>{t(`worklists:status.${status}`)}</span>
                    <span className="when">{at ? hallDateTime(at) : '—'}</span>
                  </li>
                );
              })}
            </ol>
            {notes.length > 0 && (
              <ul className="progress-notes" data-testid={`progress-notes-${w.utility}`}>
                {notes.map((h, i) => (
                  <li key={`${h.at}-${i}`}>
                    {t('worklists:progress.utilityNote', {
                      utility: names(w.utilityNames),
                      status: t(`worklists:status.${h.status}`),
                      note: h.note,
                      at: hallDateTime(h.utilityAt ?? h.at),
                    })}
                  </li>
                ))}
              </ul>
            )}
            {w.stages.length > 0 && (
              <table className="progress-stages">
                <caption>{t('worklists:progress.stages')}</caption>
                <tbody>
                  {w.stages.map((s, i) => (
                    <tr key={`${i}-${s.dueDay}`}>
                      <th scope="row">{names(s.names)}</th>
                      <td>{t('worklists:progress.dueBy', { day: due(s.dueDay) })}</td>
                      <td>{s.completedAt ? t('worklists:progress.doneAt', { at: hallDateTime(s.completedAt) }) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      {p.deferredMaterials.length > 0 && (
        <section className="card narrow" aria-label={t('worklists:progress.deferred')}>
          <h2>{t('worklists:progress.deferred')}</h2>
          <ul>
            {p.deferredMaterials.map((d) => (
              <li key={`${d.names.zh}-${d.promisedDate}`}>
                {names(d.names)} · {d.supplied ? t('worklists:deferred.supplied') : t('worklists:progress.bringBy', { day: due(d.promisedDate) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="hint">{t('worklists:progress.submitted', { at: hallDateTime(p.submittedAt) })}</p>
    </div>
  );
}
