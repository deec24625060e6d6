import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureTiles } from '../ratings/FigureTiles.tsx';
import { percent } from '../ratings/percent.ts';
import { monthStart, useHallToday } from '../shared/hall-clock.ts';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';
import { useQuery } from '../shared/use-api.ts';

/**
 * The clerk's own 好差评 figures and the hall's, folded into one line under the ticket and the
 * queue: they are looked at now and then, and as tiles they pushed the waiting list below a
 * 768 px screen. The line opens to the full tiles (today, this month) and the hall's figures.
 */
export function CounterFigures() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The hall's day, turning at the hall's midnight while the counter screen stays open.
  const today = useHallToday();
  const day = useQuery('ratings/figures', { from: today, to: today, groupBy: 'day' }, { refreshOn: ['ratings/changed', 'ratings/closed'] });
  const month = useQuery('ratings/figures', { from: monthStart(today), to: today, groupBy: 'month' }, { refreshOn: ['ratings/changed', 'ratings/closed'] });
  const hall = useQuery('hall/status', {}, { scope: 'staff', refreshOn: ['hall/status'] }).data;
  const mine = day.data?.total;

  return (
    <details className="counter-figures" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="counter-figures-line">
        <span className="figures-group">
          <strong>{t('ratings:counter.today')}</strong>
          <span className={mine?.meetsTarget === false ? 'below-target' : ''}>
            {t('ratings:figures.completion')} {percent(mine?.completionRate)}
          </span>
          <span>
            {t('ratings:figures.goodRate')} {percent(mine?.goodRate)}
          </span>
          <span className={mine && mine.bad > 0 ? 'below-target' : ''}>
            {t('ratings:figures.bad')} {mine?.bad ?? '—'}
          </span>
        </span>
        <span className="figures-group">
          <strong>{t('status.title')}</strong>
          <span>
            {t('status.ticketsWaiting')} {hall?.ticketsWaiting ?? '—'}
          </span>
          <span>
            {t('status.countersOpen')} {hall ? `${hall.countersOpen} / ${hall.countersTotal}` : '—'}
          </span>
          <span>
            {t('status.ticketsServing')} {hall?.ticketsServing ?? '—'}
          </span>
        </span>
        <span className="figures-toggle">{open ? t('queue:counter.figuresLess') : t('queue:counter.figuresMore')}</span>
      </summary>
      {/* Kept in the page while folded: the figures stay current and can be read by assistive tools. */}
      <div className="counter-figures-body">
        <section className="card counter-my-figures" aria-labelledby="my-figures-title">
          <h2 id="my-figures-title">{t('ratings:counter.title')}</h2>
          <h3>{t('ratings:counter.today')}</h3>
          <FigureTiles figures={day.data?.total} target={day.data?.target} testId="my-figures-today" />
          <h3>{t('ratings:counter.month')}</h3>
          <FigureTiles figures={month.data?.total} target={month.data?.target} testId="my-figures-month" />
        </section>
        <HallStatusPanel scope="staff" />
      </div>
    </details>
  );
}
