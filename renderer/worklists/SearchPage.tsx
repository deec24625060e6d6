import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchResult } from '../../main/core/intake/views.ts';
import { yuan } from '../intake/names.ts';
import { hallDateTime } from '../shared/hall-clock.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useQuery } from '../shared/use-api.ts';

type Row = SearchResult['rows'][number];
type Criteria = { caseNumber: string; name: string; idNumber: string; phone: string; accountNo: string; from: string; to: string };

const empty: Criteria = { caseNumber: '', name: '', idNumber: '', phone: '', accountNo: '', from: '', to: '' };
const PAGE_SIZE = 100;

/** Only the criteria the clerk filled in: an empty box is no condition. */
export function searchInput(c: Criteria, page: number) {
  const filled = Object.fromEntries(Object.entries(c).filter(([, v]) => v.trim() !== '')) satisfies Partial<Criteria>;
  return { ...filled, page, pageSize: PAGE_SIZE };
}

/** Applications by case number, name, ID, phone, account and date range; masked, newest first. */
export function SearchPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Criteria>(empty);
  const [asked, setAsked] = useState<{ criteria: Criteria; page: number }>({ criteria: empty, page: 1 });
  const result = useQuery('intake/search', searchInput(asked.criteria, asked.page), { refreshOn: ['intake/submitted'] });
  const columns = useSearchColumns();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ criteria: form, page: 1 });
  };
  const field = (key: keyof Criteria, label: string, type = 'text') => (
    <Field label={label} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
  );
  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <section className="card" aria-labelledby="search-title">
      <h2 id="search-title">{t('worklists:search.title')}</h2>
      <form className="search-form" aria-label={t('worklists:search.title')} onSubmit={submit}>
        {field('caseNumber', t('worklists:search.caseNumber'))}
        {field('name', t('worklists:search.name'))}
        {field('idNumber', t('worklists:search.idNumber'))}
        {field('phone', t('worklists:search.phone'))}
        {field('accountNo', t('worklists:search.accountNo'))}
        {field('from', t('worklists:search.from'), 'date')}
        {field('to', t('worklists:search.to'), 'date')}
        <div className="row-actions">
          <button type="submit" className="primary">
            {t('worklists:search.submit')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setForm(empty);
              setAsked({ criteria: empty, page: 1 });
            }}
          >
            {t('worklists:search.clear')}
          </button>
        </div>
      </form>
      <ErrorBanner error={result.error} />
      {data && (
        <>
          <p className="hint" role="status">
            {data.totalExact ? t('worklists:search.found', { count: data.total }) : t('worklists:search.foundMany', { count: data.total })}
          </p>
          <DataTable data={data.rows} columns={columns} label={t('worklists:search.table')} exportName={t('worklists:search.exportName')} />
          {pages > 1 && (
            <div className="row-actions">
              <button type="button" className="secondary" disabled={asked.page <= 1} onClick={() => setAsked({ ...asked, page: asked.page - 1 })}>
                {t('worklists:search.previous')}
              </button>
              <span>{t('worklists:search.page', { page: asked.page, pages })}</span>
              <button type="button" className="secondary" disabled={asked.page >= pages} onClick={() => setAsked({ ...asked, page: asked.page + 1 })}>
                {t('worklists:search.next')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function useSearchColumns(): ColumnDef<Row, unknown>[] {
  const { t } = useTranslation();
  return useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      { id: 'submittedAt', header: t('worklists:col.submittedAt'), accessorFn: (r) => hallDateTime(r.submittedAt) },
      {
        id: 'caseNumbers',
        header: t('worklists:col.caseNumbers'),
        accessorFn: (r) => r.matters.map((m) => m.caseNumber).join(' '),
        cell: ({ row }) => (
          // A joint application's numbers may not fit the one-line row: the full list on hover.
          <Link to={`/receipt/${row.original.id}`} target="_blank" title={row.original.matters.map((m) => m.caseNumber).join(' ')}>
            {row.original.matters.map((m) => m.caseNumber).join(' ')}
          </Link>
        ),
      },
      { id: 'customer', header: t('worklists:col.customer'), accessorFn: (r) => r.customerName },
      { id: 'id', header: t('worklists:col.idNumber'), accessorFn: (r) => r.idMasked },
      { id: 'phone', header: t('worklists:col.phone'), accessorFn: (r) => r.phoneMasked },
      {
        id: 'utilities',
        header: t('worklists:col.utilities'),
        accessorFn: (r) => [...new Set(r.matters.map((m) => t(`worklists:utility.${m.utility}`, { defaultValue: m.utility })))].join('、'),
      },
      {
        id: 'status',
        header: t('worklists:col.status'),
        accessorFn: (r) => [...new Set(r.matters.map((m) => (m.status ? t(`worklists:status.${m.status}`) : '')))].filter(Boolean).join('、'),
      },
      {
        // The utility's own word (a return's reason) and when it acted, from the nightly sync.
        id: 'utilityNote',
        header: t('worklists:col.utilityNote'),
        accessorFn: (r) =>
          r.matters
            .filter((m) => m.utilityNote)
            .map(
              (m) =>
                `${t(`worklists:utility.${m.utility}`, { defaultValue: m.utility })} ${m.utilityAt ? hallDateTime(m.utilityAt) : ''}：${m.utilityNote ?? ''}`,
            )
            .join('；'),
      },
      {
        id: 'total',
        header: t('worklists:col.total'),
        accessorFn: (r) => r.totalFen,
        cell: ({ row }) => yuan(row.original.totalFen),
        meta: { exportValue: (r) => r.totalFen / 100 },
      },
    ],
    [t],
  );
}
