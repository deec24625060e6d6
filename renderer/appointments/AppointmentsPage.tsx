import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalNames } from '../queue/names.ts';
import { useOverview } from '../queue/use-overview.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { hallDayRange, hallInstant, hallTimeOf, hallToday } from '../shared/hall-clock.ts';
import './appointments.css';

type Row = { id: number; code: string; categoryId: number; slotStart: string; slotEnd: string; phoneMasked: string | null; checkedIn: boolean };

/**
 * Appointments (预约): the manager books a slot for a customer who phoned or came by, and reads
 * the six-character code to them; the kiosk checks the code in from 30 minutes before the slot
 * for a priority ticket. Below, the day's bookings.
 */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  const overview = useOverview('staff');
  const categories = (overview.data?.categories ?? []).filter((c) => c.active);
  // The day shown sits in the address (?day=), so a reload or a shared link keeps it; today by default.
  const [params, setParams] = useSearchParams();
  const day = params.get('day') || hallToday();
  const setDay = (next: string) => setParams({ day: next }, { replace: true });
  const [form, setForm] = useState({ categoryId: '', time: '09:00', minutes: '30', phone: '' });
  const book = useMutation('queue/bookAppointment');
  const fieldError = useFieldError(book.error);
  const [booked, setBooked] = useState<{ code: string; slot: string }>();
  const list = useQuery('queue/appointments', hallDayRange(day));
  const categoryName = useCallback(
    (id: number) => {
      const c = overview.data?.categories.find((x) => x.id === id);
      return c ? `${c.prefix} ${name(c)}` : String(id);
    },
    [overview.data, name],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const categoryId = Number(form.categoryId || categories[0]?.id || 0);
    const start = hallInstant(day, form.time);
    const end = new Date(Date.parse(start) + Number(form.minutes) * 60_000).toISOString();
    const done = await book.run({ categoryId, slotStart: start, slotEnd: end, ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) });
    if (done) {
      setBooked({ code: done.code, slot: `${day} ${hallTimeOf(start)}–${hallTimeOf(end)} ${categoryName(categoryId)}` });
      setForm({ ...form, phone: '' });
      list.reload();
    }
  };

  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      { id: 'slot', header: t('appointments:col.slot'), accessorFn: (r) => `${hallTimeOf(r.slotStart)}–${hallTimeOf(r.slotEnd)}` },
      { id: 'category', header: t('appointments:col.category'), accessorFn: (r) => categoryName(r.categoryId) },
      { id: 'code', header: t('appointments:col.code'), accessorFn: (r) => r.code },
      { id: 'phone', header: t('appointments:col.phone'), accessorFn: (r) => r.phoneMasked ?? '' },
      { id: 'state', header: t('appointments:col.state'), accessorFn: (r) => (r.checkedIn ? t('appointments:checkedIn') : t('appointments:notYet')) },
    ],
    // categoryName reads the overview, which the table's rows do not carry.
    [t, categoryName],
  );

  return (
    <div className="manage-grid">
      <section className="card" aria-labelledby="book-title">
        <h2 id="book-title">{t('appointments:title')}</h2>
        <p className="hint">{t('appointments:hint')}</p>
        <form className="inline-form" aria-label={t('appointments:book')} onSubmit={(e) => void submit(e)}>
          <label>
            {t('appointments:category')}{' '}
            <select value={form.categoryId || String(categories[0]?.id ?? '')} onChange={(e) => setForm({ ...form, categoryId: e.target.value })}>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.prefix} {name(c)}
                </option>
              ))}
            </select>
          </label>
          <Field label={t('appointments:day')} type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
          <Field
            label={t('appointments:time')}
            type="time"
            required
            value={form.time}
            onChange={(e) => setForm({ ...form, time: e.target.value })}
            error={fieldError('slotStart')}
          />
          <label>
            {t('appointments:length')}{' '}
            <select value={form.minutes} onChange={(e) => setForm({ ...form, minutes: e.target.value })}>
              {['15', '30', '60'].map((m) => (
                <option key={m} value={m}>
                  {t('appointments:minutes', { count: Number(m) })}
                </option>
              ))}
            </select>
          </label>
          <Field
            label={t('appointments:phone')}
            inputMode="tel"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
            error={fieldError('phone')}
          />
          {!book.error?.details?.fields && <ErrorBanner error={book.error} />}
          <div className="row-actions">
            <button type="submit" className="primary" disabled={book.pending || categories.length === 0}>
              {t('appointments:book')}
            </button>
          </div>
        </form>
        {booked && (
          <div className="notice" role="status">
            {t('appointments:booked', { slot: booked.slot })} <strong className="appointment-code">{booked.code}</strong>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="day-title">
        <h2 id="day-title">{t('appointments:dayList', { day })}</h2>
        <DataTable data={list.data ?? []} query={list} columns={columns} label={t('appointments:dayList', { day })} exportName={t('appointments:exportName')} />
      </section>
    </div>
  );
}
