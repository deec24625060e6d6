import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../main/core/intake/views.ts';
import { useNames } from '../intake/names.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { useQuery } from '../shared/use-api.ts';
import { useDueDay } from '../shared/due-day.ts';

/** Work orders and stages past due (first) or due within a working day, hall-wide. */
export function DuePage() {
  const { t } = useTranslation();
  const dueText = useDueDay();
  const names = useNames();
  const due = useQuery('intake/overdue', { warnBeforeWorkingDays: 1, limit: 1000 }, { refreshOn: ['intake/submitted', 'intake/workOrderChanged'] });
  const columns = useMemo<ColumnDef<DueItem, unknown>[]>(
    () => [
      {
        id: 'level',
        header: t('worklists:col.level'),
        accessorFn: (r) => t(`worklists:level.${r.level}`),
        cell: ({ row }) => <span className={`status-pill ${row.original.level}`}>{t(`worklists:level.${row.original.level}`)}</span>,
      },
      { id: 'caseNumbers', header: t('worklists:col.caseNumbers'), accessorFn: (r) => r.caseNumbers.join(' ') },
      { id: 'utility', header: t('worklists:col.utilities'), accessorFn: (r) => t(`worklists:utility.${r.utility}`, { defaultValue: r.utility }) },
      { id: 'what', header: t('worklists:col.what'), accessorFn: (r) => (r.stage ? names(r.stage.names) : t('worklists:due.wholeOrder')) },
      { id: 'status', header: t('worklists:col.status'), accessorFn: (r) => t(`worklists:status.${r.status}`) },
      { id: 'dueDay', header: t('worklists:col.dueDay'), accessorFn: (r) => dueText(r.dueDay) },
      {
        id: 'left',
        header: t('worklists:col.workingDaysLeft'),
        accessorFn: (r) => r.workingDaysLeft,
        cell: ({ row }) =>
          row.original.workingDaysLeft < 0
            ? t('worklists:due.late', { count: -row.original.workingDaysLeft })
            : t('worklists:due.left', { count: row.original.workingDaysLeft }),
      },
    ],
    [t, names, dueText],
  );
  return (
    <section className="card" aria-labelledby="due-title">
      <h2 id="due-title">{t('worklists:due.title')}</h2>
      {due.data && <p className="hint">{t('worklists:due.today', { day: due.data.today })}</p>}
      <DataTable data={due.data?.items ?? []} query={due} columns={columns} label={t('worklists:due.title')} exportName={t('worklists:due.exportName')} />
    </section>
  );
}
