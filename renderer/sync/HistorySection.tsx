import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../main/core/sync/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { useQuery } from '../shared/use-api.ts';
import { formatHallDateTime } from '../shared/hall-clock.ts';

const when = (iso: string | null): string => (iso ? formatHallDateTime(iso) : '—');

/** A utility's runs, newest first: when, why, what went and came back, and the error of a failed one. */
export function HistorySection({ utility }: { utility: string }) {
  const { t } = useTranslation();
  const runs = useQuery('sync/history', { utility, limit: 30 }, { refreshOn: ['sync/progress'] });
  const columns = useMemo<ColumnDef<RunView, unknown>[]>(
    () => [
      { id: 'startedAt', accessorFn: (r) => when(r.startedAt), header: t('sync:history.startedAt') },
      { id: 'trigger', accessorFn: (r) => t(`sync:trigger.${r.trigger}`), header: t('sync:history.trigger') },
      { id: 'state', accessorFn: (r) => t(`sync:state.${r.state}`), header: t('sync:history.state') },
      { accessorKey: 'sent', header: t('sync:history.sent') },
      { accessorKey: 'accepted', header: t('sync:history.accepted') },
      { accessorKey: 'rejected', header: t('sync:history.rejected') },
      { accessorKey: 'updates', header: t('sync:history.updates') },
      { id: 'error', accessorFn: (r) => (r.reason ? t(`sync:reason.${r.reason}`) : ''), header: t('sync:history.error') },
    ],
    [t],
  );
  return (
    <section aria-label={t('sync:history.title')}>
      <h3>{t('sync:history.title')}</h3>
      <DataTable data={runs.data ?? []} query={runs} columns={columns} label={t('sync:history.title')} />
    </section>
  );
}
