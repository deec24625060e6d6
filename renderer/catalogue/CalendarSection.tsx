import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallDateTime, hallToday } from '../shared/hall-clock.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';

type Kind = 'holiday' | 'workday' | 'none';

/**
 * The working calendar deadlines are counted on: a year's holidays and make-up workdays, the
 * manager's own marks, and the import of a newly published year (国务院办公厅 notice).
 */
export function CalendarSection() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => Number(hallToday().slice(0, 4)));
  const calendar = useQuery('calendar/get', { year });
  const setDay = useMutation('calendar/setDay');
  const importYear = useMutation('calendar/importYear');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [message, setMessage] = useState<string>();
  const [moved, setMoved] = useState<Moved[]>();

  const mark = async (e: FormEvent) => {
    e.preventDefault();
    const done = await setDay.run({ date, kind });
    if (done) {
      setMessage(t('catalogueDesk:calendar.marked', { date: done.date, kind: t(`catalogueDesk:calendar.kind.${done.kind}`) }));
      calendar.reload();
    }
  };
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
      <div className="row-actions">
        <button type="button" className="secondary" onClick={() => setYear(year - 1)}>
          {t('catalogueDesk:calendar.previous')}
        </button>
        <strong>{t('catalogueDesk:calendar.year', { year })}</strong>
        <button type="button" className="secondary" onClick={() => setYear(year + 1)}>
          {t('catalogueDesk:calendar.next')}
        </button>
      </div>
      <ErrorBanner error={calendar.error ?? setDay.error ?? importYear.error} />
      {message && (
        <div className="notice" role="status">
          {message}
        </div>
      )}
      {moved && <MovedDeadlines moved={moved} />}
      {c && (
        <>
          {!c.published && <p className="warning">{t('catalogueDesk:calendar.unpublished', { year: c.year })}</p>}
          <dl className="calendar-days">
            <dt>{t('catalogueDesk:calendar.holidays', { count: c.holidays.length })}</dt>
            <dd data-testid="calendar-holidays">{c.holidays.join('、') || '—'}</dd>
            <dt>{t('catalogueDesk:calendar.workdays', { count: c.workdays.length })}</dt>
            <dd data-testid="calendar-workdays">{c.workdays.join('、') || '—'}</dd>
            <dt>{t('catalogueDesk:calendar.overrides')}</dt>
            <dd>{c.overrides.map((o) => `${o.date} ${t(`catalogueDesk:calendar.kind.${o.kind}`)}`).join('、') || '—'}</dd>
            <dt>{t('catalogueDesk:calendar.importedYears')}</dt>
            <dd>{c.importedYears.map((y) => `${y.year}（${hallDateTime(y.importedAt)}）`).join('、') || '—'}</dd>
          </dl>
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
          <label className="secondary file-button">
            {t('catalogueDesk:calendar.importYear')}
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
          </label>
        </div>
      </form>
      <p className="hint">{t('catalogueDesk:calendar.hint')}</p>
    </section>
  );
}

type Moved = OutputOf<Contract['calendar/importYear']>['moved'][number];

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
