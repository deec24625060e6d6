import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallDateTime, hallToday } from '../shared/hall-clock.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { monthWeeks, shiftMonth, type DayCell } from './month-grid.ts';

type Kind = 'holiday' | 'workday' | 'none';

/**
 * The working calendar deadlines are counted on, as a month grid: holidays (休) and make-up
 * workdays (班) as published, the manager's own marks; a click on a day switches it between
 * working and resting. The import of a newly published year (国务院办公厅 notice) is a file
 * step for an administrator, under 高级.
 */
export function CalendarSection() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(() => ({ year: Number(hallToday().slice(0, 4)), month: Number(hallToday().slice(5, 7)) }));
  const year = shown.year;
  const calendar = useQuery('calendar/get', { year });
  const setDay = useMutation('calendar/setDay');
  const importYear = useMutation('calendar/importYear');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [message, setMessage] = useState<string>();
  const [moved, setMoved] = useState<Moved[]>();

  const mark = async (e: FormEvent) => {
    e.preventDefault();
    await markDay(date, kind);
  };
  const markDay = async (day: string, dayKind: Kind) => {
    const done = await setDay.run({ date: day, kind: dayKind });
    if (done) {
      setMessage(t('catalogueDesk:calendar.marked', { date: done.date, kind: t(`catalogueDesk:calendar.kind.${done.kind}`) }));
      setShown({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });
      calendar.reload();
    }
  };
  // A click turns a resting day into a working day and back; the hall's own mark is what changes.
  const toggle = (cell: DayCell) => void markDay(cell.date, cell.rest ? 'workday' : 'holiday');
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const done = await importYear.run({ file: await file.text() });
    if (done) {
      setMessage(t('catalogueDesk:calendar.imported'));
      setMoved(done.moved);
      calendar.reload();
    }
  };
  const c = calendar.data;
  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('catalogueDesk:calendar.title')}</h2>
      <ErrorBanner error={calendar.error ?? setDay.error ?? importYear.error} />
      {message && (
        <div className="notice" role="status">
          {message}
        </div>
      )}
      {moved && <MovedDeadlines moved={moved} />}
      <div className="row-actions calendar-nav">
        <button type="button" className="secondary" onClick={() => setShown(shiftMonth(shown.year, shown.month, -1))}>
          {t('catalogueDesk:calendar.previousMonth')}
        </button>
        <strong data-testid="calendar-month">{t('catalogueDesk:calendar.month', { year: shown.year, month: shown.month })}</strong>
        <button type="button" className="secondary" onClick={() => setShown(shiftMonth(shown.year, shown.month, 1))}>
          {t('catalogueDesk:calendar.nextMonth')}
        </button>
      </div>
      {c && c.year === shown.year && (
        <>
          {!c.published && <p className="warning">{t('catalogueDesk:calendar.unpublished', { year: c.year })}</p>}
          <MonthGrid year={shown.year} month={shown.month} calendar={c} busy={setDay.pending} onToggle={toggle} />
          <p className="hint">{t('catalogueDesk:calendar.clickHint')}</p>
          <p className="hint">
            {t('catalogueDesk:calendar.importedYears')}：{c.importedYears.map((y) => `${y.year}（${hallDateTime(y.importedAt)}）`).join('、') || '—'}
          </p>
        </>
      )}
      <form className="inline-form" aria-label={t('catalogueDesk:calendar.markTitle')} onSubmit={(e) => void mark(e)}>
        <Field label={t('catalogueDesk:calendar.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <label>
          {t('catalogueDesk:calendar.kindLabel')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value === 'workday' ? 'workday' : e.target.value === 'none' ? 'none' : 'holiday')}>
            <option value="holiday">{t('catalogueDesk:calendar.kind.holiday')}</option>
            <option value="workday">{t('catalogueDesk:calendar.kind.workday')}</option>
            <option value="none">{t('catalogueDesk:calendar.kind.none')}</option>
          </select>
        </label>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={setDay.pending || !date}>
            {t('catalogueDesk:calendar.mark')}
          </button>
        </div>
      </form>
      <details className="advanced">
        <summary>{t('catalogueDesk:calendar.advanced')}</summary>
        <label className="secondary file-button">
          {t('catalogueDesk:calendar.importYear')}
          <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
        </label>
      </details>
      <p className="hint">{t('catalogueDesk:calendar.hint')}</p>
    </section>
  );
}

type Moved = OutputOf<Contract['calendar/importYear']>['moved'][number];
type Calendar = OutputOf<Contract['calendar/get']>;

/** One month, Monday first: each day a button saying what it is (休 / 班 / a plain working day). */
function MonthGrid({
  year,
  month,
  calendar,
  busy,
  onToggle,
}: {
  year: number;
  month: number;
  calendar: Calendar;
  busy: boolean;
  onToggle: (cell: DayCell) => void;
}) {
  const { t } = useTranslation();
  const weekdays = t('catalogueDesk:calendar.weekdays').split(' ');
  const weeks = monthWeeks(year, month, calendar);
  return (
    <table className="month-grid" aria-label={t('catalogueDesk:calendar.month', { year, month })} data-testid="calendar-grid">
      <thead>
        <tr>
          {weekdays.map((w, i) => (
            <th key={w} scope="col" className={i >= 5 ? 'weekend' : undefined}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find((c) => c)?.date}>
            {week.map((cell, i) =>
              cell ? (
                <td key={cell.date} className={cell.rest ? 'rest' : 'work'}>
                  <button
                    type="button"
                    data-date={cell.date}
                    data-kind={cell.holiday ? 'holiday' : cell.workday ? 'workday' : cell.rest ? 'weekend' : 'normal'}
                    disabled={busy}
                    aria-label={`${t('catalogueDesk:calendar.dayLabel', { month, day: cell.day, kind: t(cell.rest ? 'catalogueDesk:calendar.restDay' : 'catalogueDesk:calendar.workDay') })}${cell.override ? t('catalogueDesk:calendar.overrideMark') : ''}`}
                    onClick={() => onToggle(cell)}
                  >
                    <span className="month-day">{cell.day}</span>
                    {cell.holiday && <span className="month-tag holiday">{t('catalogueDesk:calendar.rest')}</span>}
                    {cell.workday && <span className="month-tag workday">{t('catalogueDesk:calendar.work')}</span>}
                    {cell.override && <span className="month-mark" aria-hidden="true" />}
                  </button>
                </td>
              ) : (
                <td key={`blank-${i}`} className="blank" />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What an imported year moved: the manager sees each open deadline that now falls elsewhere. */
function MovedDeadlines({ moved }: { moved: Moved[] }) {
  const { t } = useTranslation();
  if (moved.length === 0) return <p className="hint">{t('catalogueDesk:calendar.movedNone')}</p>;
  return (
    <div data-testid="calendar-moved">
      <p>{t('catalogueDesk:calendar.moved', { count: moved.length })}</p>
      <table className="plain" aria-label={t('catalogueDesk:calendar.moved', { count: moved.length })}>
        <thead>
          <tr>
            <th>{t('catalogueDesk:calendar.movedColumns.kind')}</th>
            <th>{t('catalogueDesk:calendar.movedColumns.label')}</th>
            <th>{t('catalogueDesk:calendar.movedColumns.from')}</th>
            <th>{t('catalogueDesk:calendar.movedColumns.to')}</th>
          </tr>
        </thead>
        <tbody>
          {moved.map((m) => (
            <tr key={`${m.kind}:${m.id}`}>
              <td>{t(`catalogueDesk:calendar.movedKind.${m.kind}`)}</td>
              <td>{m.label}</td>
              <td>{m.from}</td>
              <td>{m.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
