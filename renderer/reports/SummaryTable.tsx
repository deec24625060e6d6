import { useTranslation } from 'react-i18next';
import { summaryKeys } from '../../common/summary-keys.ts';
import type { Report, ReportSummary } from '../../main/core/reports/schemas.ts';
import { summaryValue } from './format.ts';

/**
 * The headline figures: four to a row on a daily report; with `previous`, each figure beside
 * the previous month's and the change (the monthly report).
 */
export function SummaryTable({ report, previous, titles }: { report: Report; previous?: ReportSummary; titles?: [string, string] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!previous) {
    return (
      <dl className="report-summary" data-testid="report-summary">
        {summaryKeys.map((key) => (
          <div key={key} className="report-summary-item" data-testid={`summary-${key}`}>
            <dt>{t(`reports:summary.${key}`)}</dt>
            <dd>{summaryValue(key, report.summary[key], lng)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <table className="report-table" data-testid="report-summary">
      <thead>
        <tr>
          <th>{t('reports:col.figure')}</th>
          <th>{titles?.[0]}</th>
          <th>{titles?.[1]}</th>
          <th>{t('reports:col.change')}</th>
        </tr>
      </thead>
      <tbody>
        {summaryKeys.map((key) => {
          const now = report.summary[key];
          const before = previous.summary[key];
          const change = now === null || before === null ? null : now - before;
          return (
            <tr key={key} data-testid={`summary-${key}`}>
              <th scope="row">{t(`reports:summary.${key}`)}</th>
              <td>{summaryValue(key, now, lng)}</td>
              <td>{summaryValue(key, before, lng)}</td>
              <td>{change === null ? '—' : `${change > 0 ? '+' : ''}${summaryValue(key, change, lng)}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
