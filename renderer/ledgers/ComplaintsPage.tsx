import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { openRowColumn } from '../shared/open-row-column.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { useQuery } from '../shared/use-api.ts';
import { ComplaintDetail } from './ComplaintDetail.tsx';
import { ComplaintRegisterForm } from './ComplaintRegisterForm.tsx';
import type { ExportColumn } from '../shared/xlsx-file.ts';
import { formatHallDateTime, hallToday } from '../shared/hall-clock.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { ExportButton } from './ExportButton.tsx';
import { useUtilities, utilityName } from './use-utilities.ts';
import './ledgers.css';
import { useDueDay } from '../shared/due-day.ts';

type Complaint = OutputOf<Contract['complaints/list']>['complaints'][number];

/** The complaint ledger (投诉台账, /manage/complaints): register, work through, export; complainants masked. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const due = useDueDay();
  const today = hallToday();
  const [fromDay, setFromDay] = useState(`${today.slice(0, 7)}-01`);
  const [toDay, setToDay] = useState(today);
  const [openOnly, setOpenOnly] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [selected, setSelected] = useState<number>();
  const utilities = useUtilities();
  const period = fromDay <= toDay ? { fromDay, toDay } : { fromDay: toDay, toDay: fromDay };
  const list = useQuery('complaints/list', openOnly ? { state: 'open' } : period, { refreshOn: ['complaints/changed'] });
  const figures = useQuery('complaints/figures', period, { refreshOn: ['complaints/changed'] });

  const columns = useMemo<ColumnDef<Complaint, unknown>[]>(
    () => [
      { accessorKey: 'id', header: t('ledgers:complaint.number') },
      { accessorKey: 'receivedDay', header: t('ledgers:complaint.receivedDay') },
      { id: 'channel', accessorFn: (c) => t(`ledgers:channel.${c.channel}`), header: t('ledgers:complaint.channel') },
      { accessorKey: 'complainant', header: t('ledgers:complaint.complainant') },
      { id: 'phone', accessorFn: (c) => c.phone ?? '', header: t('ledgers:complaint.phone') },
      { id: 'utility', accessorFn: (c) => utilityName(utilities, c.utility), header: t('ledgers:complaint.utility') },
      { id: 'staff', accessorFn: (c) => c.staffName ?? '', header: t('ledgers:complaint.staff') },
      { accessorKey: 'content', header: t('ledgers:complaint.content'), cell: ({ getValue }) => <span className="clip">{String(getValue())}</span> },
      { id: 'dueDay', accessorFn: (c) => due(c.dueDay), header: t('ledgers:complaint.dueDay') },
      { id: 'state', accessorFn: (c) => t(`ledgers:state.${c.state}`), header: t('ledgers:complaint.state') },
      {
        id: 'deadline',
        accessorFn: (c) => c.deadline,
        header: t('ledgers:complaint.deadline'),
        cell: ({ row }) => <DeadlineBadge state={row.original.deadline} dueDay={row.original.dueDay} />,
      },
      { id: 'sameDay', accessorFn: (c) => (c.sameDayCleared ? t('ledgers:yes') : ''), header: t('ledgers:complaint.sameDay') },
      openRowColumn<Complaint>(t('ledgers:complaint.open'), setSelected),
    ],
    [t, utilities, due],
  );

  const csv = useMemo<ExportColumn<Complaint>[]>(
    () => [
      { header: t('ledgers:complaint.number'), value: (c) => c.id },
      { header: t('ledgers:complaint.externalRef'), value: (c) => c.externalRef },
      { header: t('ledgers:complaint.receivedAt'), value: (c) => formatHallDateTime(c.receivedAt) },
      { header: t('ledgers:complaint.channel'), value: (c) => t(`ledgers:channel.${c.channel}`) },
      { header: t('ledgers:complaint.complainant'), value: (c) => c.complainant },
      { header: t('ledgers:complaint.phone'), value: (c) => c.phone },
      { header: t('ledgers:complaint.utility'), value: (c) => utilityName(utilities, c.utility) },
      { header: t('ledgers:complaint.staff'), value: (c) => c.staffName },
      { header: t('ledgers:complaint.caseNumber'), value: (c) => c.caseNumber },
      { header: t('ledgers:complaint.content'), value: (c) => c.content },
      { header: t('ledgers:complaint.dueDay'), value: (c) => due(c.dueDay) },
      { header: t('ledgers:complaint.state'), value: (c) => t(`ledgers:state.${c.state}`) },
      { header: t('ledgers:complaint.deadline'), value: (c) => t(`ledgers:deadline.${c.deadline}`) },
      { header: t('ledgers:complaint.replyDay'), value: (c) => c.replyDay },
      { header: t('ledgers:complaint.closedDay'), value: (c) => c.closedDay },
      { header: t('ledgers:complaint.sameDay'), value: (c) => (c.sameDayCleared ? t('ledgers:yes') : '') },
    ],
    [t, utilities, due],
  );

  const f = figures.data;
  return (
    <div className="ledgers-page">
      <h1>{t('ledgers:complaint.title')}</h1>
      <div className="ledger-toolbar">
        <label>
          {t('ledgers:from')}
          <input type="date" value={fromDay} disabled={openOnly} onChange={(e) => setFromDay(e.target.value)} />
        </label>
        <label>
          {t('ledgers:to')}
          <input type="date" value={toDay} disabled={openOnly} onChange={(e) => setToDay(e.target.value)} />
        </label>
        <label className="check">
          <span>
            <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {t('ledgers:complaint.openOnly')}
          </span>
        </label>
        <button type="button" className="primary" onClick={() => setRegistering(true)}>
          {t('ledgers:complaint.register')}
        </button>
        <ExportButton rows={list.data?.complaints ?? []} columns={csv} fileName={`${t('ledgers:complaint.fileName')}-${period.fromDay}-${period.toDay}`} />
      </div>
      {f && (
        <ul className="ledger-figures" aria-label={t('ledgers:complaint.figures')}>
          <li>
            {t('ledgers:figure.opened')}
            <strong>{f.opened}</strong>
          </li>
          <li>
            {t('ledgers:figure.closed')}
            <strong>{f.closed}</strong>
          </li>
          <li>
            {t('ledgers:figure.sameDayCleared')}
            <strong>{f.sameDayCleared}</strong>
          </li>
          <li>
            {t('ledgers:figure.sameDayRate')}
            <strong>{f.sameDayRate === null ? '—' : `${Math.round(f.sameDayRate * 100)}%`}</strong>
          </li>
          <li>
            {t('ledgers:figure.openOverdue')}
            <strong>{f.openOverdue}</strong>
          </li>
        </ul>
      )}
      <ErrorBanner error={figures.error} />
      {registering && (
        <ComplaintRegisterForm
          onClose={() => setRegistering(false)}
          onRegistered={(id) => {
            setRegistering(false);
            setSelected(id);
            list.reload();
            figures.reload();
          }}
        />
      )}
      {selected !== undefined && (
        <ComplaintDetail
          key={selected}
          id={selected}
          onClose={() => setSelected(undefined)}
          onChanged={() => {
            list.reload();
            figures.reload();
          }}
        />
      )}
      <section className="card" aria-labelledby="complaint-ledger-title">
        <h2 id="complaint-ledger-title">{t('ledgers:complaint.ledger')}</h2>
        <DataTable data={list.data?.complaints ?? []} query={list} columns={columns} label={t('ledgers:complaint.ledger')} />
      </section>
    </div>
  );
}
