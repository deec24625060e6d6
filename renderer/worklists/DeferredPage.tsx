import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../main/core/intake/views.ts';
import { useNames } from '../intake/names.ts';
import { hallDateTime } from '../shared/hall-clock.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { useDueDay } from '../shared/due-day.ts';

type Which = 'outstanding' | 'supplied' | 'all';

/** 容缺台账: materials promised later, by promised date; the clerk marks one supplied when it comes. */
export function DeferredPage() {
  const { t } = useTranslation();
  const due = useDueDay();
  const names = useNames();
  const [which, setWhich] = useState<Which>('outstanding');
  const ledger = useQuery('intake/deferredLedger', { which, remindBeforeWorkingDays: 1, page: 1, pageSize: 200 }, { refreshOn: ['intake/submitted'] });
  const supply = useMutation('intake/markSupplied');
  const { reload } = ledger;
  const markSupplied = supply.run;
  const columns = useMemo<ColumnDef<LedgerRow, unknown>[]>(
    () => [
      { id: 'caseNumbers', header: t('worklists:col.caseNumbers'), accessorFn: (r) => r.caseNumbers.join(' ') },
      { id: 'customer', header: t('worklists:col.customer'), accessorFn: (r) => r.customerName },
      { id: 'phone', header: t('worklists:col.phone'), accessorFn: (r) => r.phoneMasked },
      { id: 'material', header: t('worklists:col.material'), accessorFn: (r) => names(r.names) },
      { id: 'promisedDate', header: t('worklists:col.promisedDate'), accessorFn: (r) => due(r.promisedDate) },
      {
        id: 'state',
        header: t('worklists:col.state'),
        accessorFn: (r) =>
          r.suppliedAt
            ? t('worklists:deferred.supplied')
            : r.overdue
              ? t('worklists:deferred.overdue')
              : r.remind
                ? t('worklists:deferred.remind')
                : t('worklists:deferred.waiting'),
        cell: ({ row, getValue }) => (
          <span className={`status-pill ${row.original.suppliedAt ? 'done' : row.original.overdue ? 'overdue' : row.original.remind ? 'warning' : ''}`}>
            {String(getValue())}
          </span>
        ),
      },
      { id: 'suppliedAt', header: t('worklists:col.suppliedAt'), accessorFn: (r) => (r.suppliedAt ? hallDateTime(r.suppliedAt) : '') },
      {
        id: 'action',
        header: t('worklists:col.action'),
        enableSorting: false,
        meta: { exportValue: () => null },
        cell: ({ row }) =>
          row.original.suppliedAt ? null : (
            <button
              type="button"
              className="secondary"
              aria-label={t('worklists:deferred.markFor', { material: names(row.original.names), caseNumber: row.original.caseNumbers[0] ?? '' })}
              onClick={() => void markSupplied({ materialId: row.original.materialId }).then((done) => done && reload())}
            >
              {t('worklists:deferred.mark')}
            </button>
          ),
      },
    ],
    [t, names, markSupplied, reload, due],
  );
  const data = ledger.data;
  return (
    <section className="card" aria-labelledby="deferred-title">
      <h2 id="deferred-title">{t('worklists:deferred.title')}</h2>
      <label className="inline">
        {t('worklists:deferred.which')}{' '}
        <select value={which} onChange={(e) => setWhich(e.target.value === 'supplied' ? 'supplied' : e.target.value === 'all' ? 'all' : 'outstanding')}>
          <option value="outstanding">{t('worklists:deferred.outstanding')}</option>
          <option value="supplied">{t('worklists:deferred.suppliedList')}</option>
          <option value="all">{t('worklists:deferred.all')}</option>
        </select>
      </label>
      <ErrorBanner error={ledger.error ?? supply.error} />
      {data && (
        <>
          <p className="hint">{t('worklists:deferred.summary', { count: data.total, overdue: data.rows.filter((r) => r.overdue).length })}</p>
          <DataTable data={data.rows} columns={columns} label={t('worklists:deferred.title')} exportName={t('worklists:deferred.exportName')} />
        </>
      )}
    </section>
  );
}
