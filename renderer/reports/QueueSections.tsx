import { useTranslation } from 'react-i18next';
import { NoRows } from './NoRows.tsx';
import type { Report, TimeRow } from '../../main/core/reports/schemas.ts';
import { dash, minutes, pick } from './format.ts';
import { chartColors, SvgBarChart } from './SvgChart.tsx';

/** Tickets per category and the chart of the day's hours (or the month's days). */
export function TicketsSection({ report, byDay }: { report: Report; byDay?: boolean }) {
  const { t, i18n } = useTranslation();
  const q = report.queue;
  // Hours as 14时 / 14:00 and days as 4日: a bare "2" on the axis reads as a count.
  const points = byDay
    ? q.days.map((d) => ({ label: t('reports:chart.day', { day: Number(d.day.slice(8)) }), issued: d.issued, served: d.served }))
    : q.hours.map((h) => ({ ...h, label: t('reports:chart.hour', { hour: h.hour }) }));
  return (
    <section className="report-section" aria-labelledby="report-tickets">
      <h3 id="report-tickets">{t('reports:section.tickets')}</h3>
      <div className="report-two">
        <table className="report-table" data-testid="report-tickets">
          <caption className="report-note report-caption-below">{t('reports:transferNote')}</caption>
          <thead>
            <tr>
              <th>{t('reports:col.category')}</th>
              <th>{t('reports:col.issued')}</th>
              <th>{t('reports:col.transferredIn')}</th>
              <th>{t('reports:col.transferredOut')}</th>
              <th>{t('reports:col.served')}</th>
              <th>{t('reports:col.noShow')}</th>
              <th>{t('reports:col.unserved')}</th>
            </tr>
          </thead>
          <tbody>
            <NoRows count={q.byCategory.length} columns={7} />
            {q.byCategory.map((c) => (
              <tr key={c.categoryId}>
                <th scope="row">
                  {c.prefix} {pick(c.names, i18n.language)}
                </th>
                <td>{c.issued}</td>
                <td>{c.transferredIn}</td>
                <td>{c.transferredOut}</td>
                <td>{c.served}</td>
                <td>{c.noShow}</td>
                <td>{c.unserved}</td>
              </tr>
            ))}
            <tr className="report-total">
              <th scope="row">{t('reports:col.total')}</th>
              <td>{q.total.issued}</td>
              <td>{dash}</td>
              <td>{dash}</td>
              <td>{q.total.served}</td>
              <td>{q.total.noShow}</td>
              <td>{q.total.unserved}</td>
            </tr>
          </tbody>
        </table>
        <SvgBarChart
          label={t(byDay ? 'reports:chart.perDay' : 'reports:chart.perHour')}
          testId="chart-tickets"
          width={340}
          height={190}
          categories={points.map((p) => p.label)}
          series={[
            { name: t('reports:col.issued'), data: points.map((p) => p.issued), color: chartColors.figure },
            { name: t('reports:col.served'), data: points.map((p) => p.served), color: chartColors.done },
          ]}
        />
      </div>
    </section>
  );
}

function TimesTable({ title, rows, testId }: { title: string; rows: TimeRow[]; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="report-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{title}</th>
          <th>{t('reports:col.served')}</th>
          <th>{t('reports:col.waitAvg')}</th>
          <th>{t('reports:col.waitP90')}</th>
          <th>{t('reports:col.serviceAvg')}</th>
          <th>{t('reports:col.serviceP90')}</th>
        </tr>
      </thead>
      <tbody>
        <NoRows count={rows.length} columns={6} />
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.names ? pick(r.names, i18n.language) : r.label}</th>
            <td>{r.service.count}</td>
            <td>{minutes(r.wait.avgSec)}</td>
            <td>{minutes(r.wait.p90Sec)}</td>
            <td>{minutes(r.service.avgSec)}</td>
            <td>{minutes(r.service.p90Sec)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Wait and service per counter, clerk and utility, in minutes. */
export function TimesSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const times = report.queue.times;
  return (
    <section className="report-section" aria-labelledby="report-times">
      <h3 id="report-times">{t('reports:section.times')}</h3>
      <p className="report-note">{t('reports:note.times')}</p>
      <TimesTable
        title={t('reports:col.counter')}
        rows={[{ ...times.overall, label: t('reports:col.wholeHall') }, ...times.byCounter]}
        testId="report-times-counter"
      />
      <TimesTable title={t('reports:col.clerk')} rows={times.byClerk} testId="report-times-clerk" />
      <TimesTable title={t('reports:col.utility')} rows={times.byUtility} testId="report-times-utility" />
    </section>
  );
}
