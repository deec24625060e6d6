import { useTranslation } from 'react-i18next';
import { NoRows } from './NoRows.tsx';
import type { Report } from '../../main/core/reports/schemas.ts';
import { percent } from './format.ts';
import { chartColors, SvgBarChart, SvgChart } from './SvgChart.tsx';
import { levelsChartOption } from './levels-chart.ts';

/** Ratings per level, completion per clerk against the 90% line, bad ratings and their rectification. */
export function RatingsSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const r = report.ratings;
  if (!r) return <MissingSection titleKey="reports:section.ratings" />;
  const target = Math.round(r.target * 100);
  return (
    <section className="report-section" aria-labelledby="report-ratings">
      <h3 id="report-ratings">{t('reports:section.ratings')}</h3>
      <div className="report-two">
        <SvgChart label={t('reports:chart.levels')} testId="chart-levels" width={330} height={130} option={levelsChartOption(r.byLevel, t)} />
        <SvgBarChart
          label={t('reports:chart.completion')}
          testId="chart-completion"
          width={330}
          height={130}
          categories={r.byClerk.map((c) => c.label.replace(/ \(.*\)$/, '') || t('reports:col.noClerk'))}
          series={[
            {
              name: t('reports:col.completion'),
              data: r.byClerk.map((c) => (c.completionRate === null ? null : Math.round(c.completionRate * 1000) / 10)),
              color: chartColors.figure,
            },
          ]}
          line={{ value: target, label: `${target}%` }}
          yMax={100}
          percent
        />
      </div>
      <table className="report-table" data-testid="report-completion">
        <thead>
          <tr>
            <th>{t('reports:col.clerk')}</th>
            <th>{t('reports:col.invited')}</th>
            <th>{t('reports:col.rated')}</th>
            <th>{t('reports:col.completion')}</th>
            <th>{t('reports:col.goodRate')}</th>
            <th>{t('reports:col.target', { target })}</th>
          </tr>
        </thead>
        <tbody>
          <NoRows count={r.byClerk.length} columns={6} />
          {r.byClerk.map((c) => (
            <tr key={c.key} className={c.meetsTarget === false ? 'report-below' : undefined}>
              <th scope="row">{c.label || t('reports:col.noClerk')}</th>
              <td>{c.served}</td>
              <td>{c.rated}</td>
              <td>{percent(c.completionRate)}</td>
              <td>{percent(c.goodRate)}</td>
              <td>{c.meetsTarget === null ? '—' : c.meetsTarget ? t('reports:target.met') : t('reports:target.missed')}</td>
            </tr>
          ))}
          <tr className="report-total">
            <th scope="row">{t('reports:col.total')}</th>
            <td>{r.total.served}</td>
            <td>{r.total.rated}</td>
            <td>{percent(r.total.completionRate)}</td>
            <td>{percent(r.total.goodRate)}</td>
            <td>{r.total.meetsTarget === null ? '—' : r.total.meetsTarget ? t('reports:target.met') : t('reports:target.missed')}</td>
          </tr>
        </tbody>
      </table>
      <h4>{t('reports:section.badRatings')}</h4>
      {r.bad.length === 0 ? (
        <p className="report-note">{t('reports:none')}</p>
      ) : (
        <table className="report-table" data-testid="report-bad-ratings">
          <thead>
            <tr>
              <th>{t('reports:col.day')}</th>
              <th>{t('reports:col.level')}</th>
              <th>{t('reports:col.counter')}</th>
              <th>{t('reports:col.clerk')}</th>
              <th>{t('reports:col.rectification')}</th>
              <th>{t('reports:col.dueDay')}</th>
            </tr>
          </thead>
          <tbody>
            {r.bad.map((b) => (
              <tr key={b.ratingId}>
                <td>{b.day}</td>
                <td>{t(`reports:level.${b.level}`)}</td>
                <td>{b.counter}</td>
                <td>{b.clerk}</td>
                <td>{t(`reports:rectification.${b.rectification}`)}</td>
                <td>{b.dueDay ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A section whose records this hall does not keep yet (its part of the app is not installed). */
export function MissingSection({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <section className="report-section">
      <h3>{t(titleKey)}</h3>
      <p className="report-note">{t('reports:notAvailable')}</p>
    </section>
  );
}
