import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveHall } from '../../main/core/reports/live-schema.ts';
import { useInterval } from '../queue/use-interval.ts';
import { Field } from '../shared/Field.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { useQuery } from '../shared/use-api.ts';
import { percent, pick } from './format.ts';
import { chartColors, SvgBarChart, SvgChart } from './SvgChart.tsx';
import { levelsChartOption } from './levels-chart.ts';
import { formatHallClock } from '../shared/hall-clock.ts';

const thresholdKey = 'onewindow.reports.waitThreshold';
/** Pushed events are the main feed; the poll catches what no event announces (a wait crossing the threshold). */
const POLL_MS = 20_000;
/** The live page's two bar charts side by side in a card. */
const liveChartSize = { width: 420, height: 200 };

function savedThreshold(): number {
  const n = Number(localStorage.getItem(thresholdKey));
  return Number.isInteger(n) && n >= 1 && n <= 240 ? n : 15;
}

/** The hall right now, for the manager: live through push, and polled. */
export function LiveHallPage() {
  const { t } = useTranslation();
  const [threshold, setThreshold] = useState(savedThreshold);
  const live = useQuery(
    'reports/liveHall',
    { waitThresholdMinutes: threshold },
    { refreshOn: ['queue/changed', 'hall/status', 'ratings/changed', 'ratings/closed', 'ratings/deviceHealth', 'intake/submitted', 'intake/workOrderChanged'] },
  );
  useInterval(live.reload, POLL_MS);
  const data = live.data;
  return (
    <div className="live-hall">
      <div className="report-toolbar">
        <Field
          className="report-picker"
          label={t('reports:live.threshold')}
          type="number"
          min={1}
          max={240}
          value={threshold}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= 240) {
              localStorage.setItem(thresholdKey, String(n));
              setThreshold(n);
            }
          }}
        />
        {data && <p className="hint">{t('reports:live.updated', { at: formatHallClock(data.at) })}</p>}
      </div>
      <QueryState query={live}>{(view) => <LiveHallView data={view} />}</QueryState>
    </div>
  );
}

function LiveHallView({ data }: { data: LiveHall }) {
  const { t, i18n } = useTranslation();
  const c = data.counters;
  const figures = [
    { key: 'waiting', value: data.waitingTotal },
    { key: 'longestWait', value: t('reports:live.minutes', { count: data.longestWaitMinutes }) },
    { key: 'open', value: c.open },
    { key: 'serving', value: c.serving },
    { key: 'paused', value: c.paused },
    { key: 'closed', value: c.closed },
    { key: 'ratedToday', value: data.ratingsToday.rated },
    { key: 'completionToday', value: percent(data.ratingsToday.completionRate) },
  ];
  return (
    <div className="live-grid">
      <Alerts data={data} />
      <dl className="figures live-figures">
        {figures.map((f) => (
          <div className="figure" key={f.key} data-testid={`live-${f.key}`}>
            <dt>{t(`reports:live.figure.${f.key}`)}</dt>
            <dd>
              <span className="figure-value">{f.value}</span>
            </dd>
          </div>
        ))}
      </dl>
      <section className="card" aria-labelledby="live-waiting">
        <h3 id="live-waiting">{t('reports:live.waitingPerCategory')}</h3>
        <SvgBarChart
          label={t('reports:live.waitingPerCategory')}
          testId="live-chart-waiting"
          {...liveChartSize}
          categories={data.categories.map((k) => `${k.prefix} ${pick(k.names, i18n.language)}`)}
          series={[
            { name: t('reports:live.figure.waiting'), data: data.categories.map((k) => k.waiting), color: chartColors.figure },
            {
              name: t('reports:live.overThreshold', { minutes: data.thresholdMinutes }),
              data: data.categories.map((k) => k.overThreshold),
              color: chartColors.alarm,
            },
          ]}
        />
        <table className="report-table">
          <thead>
            <tr>
              <th>{t('reports:col.category')}</th>
              <th>{t('reports:live.figure.waiting')}</th>
              <th>{t('reports:live.figure.longestWait')}</th>
            </tr>
          </thead>
          <tbody>
            {data.categories.map((k) => (
              <tr key={k.categoryId} className={k.overThreshold > 0 ? 'report-below' : undefined} data-testid={`live-category-${k.prefix}`}>
                <th scope="row">
                  {k.prefix} {pick(k.names, i18n.language)}
                </th>
                <td>{k.waiting}</td>
                <td>{t('reports:live.minutes', { count: k.longestWaitMinutes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="live-calls">
        <h3 id="live-calls">{t('reports:live.callsPerHour')}</h3>
        {data.callsPerHour.length === 0 ? (
          // An empty axis reads as a broken chart; before the first call, say so.
          <p className="hint" data-testid="live-chart-calls-empty">
            {t('reports:live.noCallsYet')}
          </p>
        ) : (
          <SvgBarChart
            label={t('reports:live.callsPerHour')}
            testId="live-chart-calls"
            {...liveChartSize}
            categories={data.callsPerHour.map((h) => t('reports:chart.hour', { hour: h.hour }))}
            series={[{ name: t('reports:live.calls'), data: data.callsPerHour.map((h) => h.calls), color: chartColors.done }]}
          />
        )}
        <h3>{t('reports:live.ratingsToday')}</h3>
        <SvgChart
          label={t('reports:live.ratingsToday')}
          testId="live-chart-ratings"
          width={420}
          height={160}
          option={levelsChartOption(data.ratingsToday.byLevel, t)}
        />
      </section>
      <section className="card" aria-labelledby="live-counters">
        <h3 id="live-counters">{t('reports:live.counters')}</h3>
        <table className="report-table">
          <thead>
            <tr>
              <th>{t('reports:col.counter')}</th>
              <th>{t('reports:live.state')}</th>
              <th>{t('reports:col.clerk')}</th>
              <th>{t('reports:live.servingNow')}</th>
            </tr>
          </thead>
          <tbody>
            {c.list.map((k) => (
              <tr key={k.id} data-testid={`live-counter-${k.number}`}>
                <th scope="row">{k.name}</th>
                <td>{t(`reports:live.counterState.${k.status}`)}</td>
                <td>{k.staffName ?? '—'}</td>
                <td>{k.serving ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Alerts({ data }: { data: LiveHall }) {
  const { t } = useTranslation();
  if (data.alerts.length === 0) {
    return (
      <p className="notice live-alerts" data-testid="live-alerts">
        {t('reports:live.noAlerts')}
      </p>
    );
  }
  return (
    <section className="live-alerts" role="status" aria-labelledby="live-alerts-title" data-testid="live-alerts">
      <h3 id="live-alerts-title">{t('reports:live.alerts')}</h3>
      <ul>
        {data.alerts.map((a) => (
          <li key={a.kind} data-testid={`alert-${a.kind}`}>
            <strong>{t(`reports:alert.${a.kind}`, { count: a.count, minutes: data.thresholdMinutes })}</strong>
            {a.items.length > 0 && <span className="live-alert-items"> {a.items.join('、')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
