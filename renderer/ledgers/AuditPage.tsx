import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffOptions } from '../shared/ChoiceOptions.tsx';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { useQuery } from '../shared/use-api.ts';
import type { ExportColumn } from '../shared/xlsx-file.ts';
import { formatHallDateTime, hallToday } from '../shared/hall-clock.ts';
import { ExportButton } from './ExportButton.tsx';
import { AuditChanges, actionLabel, changesText, domainLabel, targetLabel } from './AuditChanges.tsx';
import { auditChanges } from './audit-changes.ts';
import { auditTargetFilter, auditTargetKinds } from './audit-target-filter.ts';
import { RevealsSection } from './RevealsSection.tsx';
import './ledgers.css';

type Entry = OutputOf<Contract['audit/list']>['entries'][number];

/** The audit log (/manage/audit): who did what, when, to what, with the record before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const staff = useQuery('staff/list', {});
  const [actor, setActor] = useState(0);
  const [action, setAction] = useState('');
  const [targetKind, setTargetKind] = useState('');
  const [targetId, setTargetId] = useState('');
  const target = auditTargetFilter(targetKind, targetId);
  const [fromDay, setFromDay] = useState(hallToday(-7));
  const [toDay, setToDay] = useState(hallToday());
  const filter = {
    ...(actor ? { actorStaffId: actor } : {}),
    ...(action ? { action } : {}),
    ...(target ? { target } : {}),
    ...(fromDay ? { fromDay } : {}),
    ...(toDay ? { toDay } : {}),
    limit: 100_000,
  };
  const log = useQuery('audit/list', filter);
  const domains = [...new Set((log.data?.actions ?? []).map((a) => a.split('.')[0] ?? a))];

  const columns = useMemo<ColumnDef<Entry, unknown>[]>(
    () => [
      { id: 'at', accessorFn: (e) => e.at, header: t('ledgers:audit.at'), cell: ({ row }) => formatHallDateTime(row.original.at) },
      { id: 'who', accessorFn: (e) => (e.actorName ? `${e.actorName} (${e.actorWorkNo ?? ''})` : ''), header: t('ledgers:audit.who') },
      { id: 'action', accessorFn: (e) => actionLabel(t, e.action), header: t('ledgers:audit.action') },
      { id: 'target', accessorFn: (e) => targetLabel(t, e.target), header: t('ledgers:audit.target') },
      {
        id: 'changes',
        accessorFn: (e) => changesText(t, auditChanges(e.before, e.after)),
        header: t('ledgers:auditView.changes'),
        enableSorting: false,
        cell: ({ row }) => <AuditChanges t={t} before={row.original.before} after={row.original.after} />,
      },
    ],
    [t],
  );
  const csv = useMemo<ExportColumn<Entry>[]>(
    () => [
      { header: t('ledgers:audit.at'), value: (e) => e.at },
      { header: t('ledgers:audit.who'), value: (e) => (e.actorName ? `${e.actorName} (${e.actorWorkNo ?? ''})` : '') },
      { header: t('ledgers:audit.action'), value: (e) => actionLabel(t, e.action) },
      { header: t('ledgers:audit.target'), value: (e) => targetLabel(t, e.target) },
      { header: t('ledgers:auditView.changes'), value: (e) => changesText(t, auditChanges(e.before, e.after)) },
    ],
    [t],
  );

  return (
    <div className="ledgers-page">
      <h1>{t('ledgers:audit.title')}</h1>
      <div className="ledger-toolbar">
        <label>
          {t('ledgers:audit.who')}
          <select value={actor} onChange={(e) => setActor(Number(e.target.value))}>
            <StaffOptions staff={staff.data ?? []} none={t('ledgers:audit.anyone')} />
          </select>
        </label>
        <label>
          {t('ledgers:audit.action')}
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('ledgers:audit.anyAction')}</option>
            {domains.map((d) => (
              <option key={d} value={`${d}.`}>
                {t('ledgers:auditView.domainAll', { domain: domainLabel(t, d) })}
              </option>
            ))}
            {(log.data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {actionLabel(t, a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ledgers:audit.target')}
          <select value={targetKind} onChange={(e) => setTargetKind(e.target.value)}>
            <option value="">{t('ledgers:audit.anyTarget')}</option>
            {auditTargetKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`ledgers:auditTarget.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ledgers:audit.targetId')}
          <input value={targetId} disabled={!targetKind} placeholder={t('ledgers:audit.targetIdHint')} onChange={(e) => setTargetId(e.target.value)} />
        </label>
        <label>
          {t('ledgers:from')}
          <input type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        </label>
        <label>
          {t('ledgers:to')}
          <input type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} />
        </label>
        <ExportButton rows={log.data?.entries ?? []} columns={csv} fileName={`${t('ledgers:audit.fileName')}-${fromDay}-${toDay}`} />
      </div>
      <section className="card">
        <DataTable data={log.data?.entries ?? []} query={log} columns={columns} label={t('ledgers:audit.title')} rowHeight={96} />
      </section>
      <RevealsSection fromDay={fromDay} toDay={toDay} />
    </div>
  );
}
