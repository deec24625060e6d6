import type { ColumnDef } from '@tanstack/react-table';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../main/core/queue/contract.ts';
import { clockTime, useLocalNames } from '../queue/names.ts';
import type { CategoryView } from '../queue/use-overview.ts';
import { useHallNow } from '../shared/hall-clock.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { useQuery } from '../shared/use-api.ts';

/** Waiting tickets in queue order; a manager may call one out of order. */
export function WaitingListSection({
  categories,
  canCall,
  onCall,
  counts,
}: {
  categories: CategoryView[];
  canCall: boolean;
  onCall?: ((ticket: TicketView) => void) | undefined;
  counts?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalNames();
  const list = useQuery('queue/waitingList', {}, { refreshOn: ['queue/changed'] });
  const now = useHallNow(30_000);
  const columns = useMemo<ColumnDef<TicketView, unknown>[]>(() => {
    const byId = new Map(categories.map((c) => [c.id, c]));
    const cols: ColumnDef<TicketView, unknown>[] = [
      { accessorKey: 'number', header: t('queue:waiting.number') },
      {
        id: 'category',
        accessorFn: (r) => {
          const c = byId.get(r.categoryId);
          return c ? name(c) : '';
        },
        header: t('queue:waiting.category'),
      },
      { id: 'priority', accessorFn: (r) => t(`queue:priority.${r.priority}`), header: t('queue:waiting.priority') },
      { id: 'queuedAt', accessorFn: (r) => clockTime(r.queuedAt, i18n.language), header: t('queue:waiting.queuedAt') },
      { id: 'waited', accessorFn: (r) => Math.max(0, Math.floor((now - Date.parse(r.queuedAt)) / 60_000)), header: t('queue:waiting.waitedMinutes') },
      { id: 'phone', accessorFn: (r) => r.phone ?? '', header: t('queue:waiting.phone') },
    ];
    if (canCall && onCall) {
      cols.push({
        id: 'call',
        header: t('queue:waiting.call'),
        enableSorting: false,
        cell: ({ row }) => (
          <button
            type="button"
            className="small"
            onClick={() => onCall(row.original)}
            aria-label={t('queue:waiting.callTicket', { number: row.original.number })}
          >
            {t('queue:waiting.call')}
          </button>
        ),
      });
    }
    return cols;
  }, [t, i18n.language, name, categories, canCall, onCall, now]);

  return (
    <section className="card waiting-list" aria-labelledby="waiting-list-title">
      <h2 id="waiting-list-title">{t('queue:waiting.listTitle')}</h2>
      {counts}
      <ErrorBanner error={list.error} />
      <DataTable data={list.data ?? []} columns={columns} label={t('queue:waiting.listTitle')} rowHeight={40} />
    </section>
  );
}
