import { useTranslation } from 'react-i18next';
import { NoRows } from './NoRows.tsx';
import type { Report } from '../../main/core/reports/schemas.ts';
import { pick } from './format.ts';
import { MissingSection } from './RatingsSection.tsx';

/** Complaints received and closed (日清日结), follow-ups open and done, their problems (逐条销号). */
export function LedgersSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const c = report.complaints;
  const f = report.followUps;
  if (!c && !f) return <MissingSection titleKey="reports:section.ledgers" />;
  const cells: [string, number][] = [
    ...(c
      ? ([
          [t('reports:summary.complaintsOpened'), c.opened],
          [t('reports:summary.complaintsClosed'), c.closed],
          [t('reports:complaints.sameDayCleared'), c.sameDayCleared],
          [t('reports:complaints.closedOverdue'), c.closedOverdue],
          [t('reports:complaints.openOverdue'), c.openOverdue],
        ] satisfies [string, number][])
      : []),
    ...(f
      ? ([
          [t('reports:summary.followUpsDue'), f.open],
          [t('reports:summary.followUpsDone'), f.done],
          [t('reports:followUps.unreachable'), f.unreachable],
          [t('reports:followUps.problemsFound'), f.problemsFound],
          [t('reports:followUps.problemsClosed'), f.problemsClosed],
          [t('reports:followUps.problemsOpenOverdue'), f.problemsOpenOverdue],
        ] satisfies [string, number][])
      : []),
  ];
  return (
    <section className="report-section" aria-labelledby="report-ledgers">
      <h3 id="report-ledgers">{t('reports:section.ledgers')}</h3>
      <dl className="report-summary" data-testid="report-ledgers">
        {cells.map(([label, value]) => (
          <div key={label} className="report-summary-item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!c && <p className="report-note">{t('reports:complaints.notAvailable')}</p>}
      {!f && <p className="report-note">{t('reports:followUps.notAvailable')}</p>}
    </section>
  );
}

/** The nightly sync to each utility over the period, and what still waits now. */
export function SyncSection({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const s = report.sync;
  if (!s) return <MissingSection titleKey="reports:section.sync" />;
  return (
    <section className="report-section" aria-labelledby="report-sync">
      <h3 id="report-sync">{t('reports:section.sync')}</h3>
      {s.utilities.length === 0 ? (
        <p className="report-note">{t('reports:sync.noRuns')}</p>
      ) : (
        <table className="report-table" data-testid="report-sync">
          <thead>
            <tr>
              <th>{t('reports:col.utility')}</th>
              <th>{t('reports:sync.runs')}</th>
              <th>{t('reports:sync.failed')}</th>
              <th>{t('reports:sync.sent')}</th>
              <th>{t('reports:sync.accepted')}</th>
              <th>{t('reports:sync.rejected')}</th>
              <th>{t('reports:sync.last')}</th>
            </tr>
          </thead>
          <tbody>
            <NoRows count={s.utilities.length} columns={7} />
            {s.utilities.map((u) => (
              <tr key={u.utility} className={u.lastState === 'failed' ? 'report-below' : undefined}>
                <th scope="row">{pick(u.names, i18n.language, u.utility)}</th>
                <td>{u.runs}</td>
                <td>{u.failed}</td>
                <td>{u.sent}</td>
                <td>{u.accepted}</td>
                <td>{u.rejected}</td>
                <td>
                  {u.lastState ? t(`reports:sync.state.${u.lastState}`) : '—'}
                  {u.lastReason ? `（${t(`sync:reason.${u.lastReason}`)}）` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="report-note">{t('reports:sync.backlog', { pending: s.pendingNow, rejected: s.rejectedNow })}</p>
    </section>
  );
}
