import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rectificationVerdicts } from '../../common/rating-levels.ts';
import { StaffOptions } from '../shared/ChoiceOptions.tsx';
import type { RectificationView } from '../../main/core/ratings/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { openRowColumn } from '../shared/open-row-column.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { useDueDay } from '../shared/due-day.ts';

/** Every bad rating's rectification task: assign it, record the follow-up call, the measures and the customer's verdict; overdue ones flagged. */
export function RectificationsSection() {
  const { t } = useTranslation();
  const due = useDueDay();
  const tasks = useQuery('ratings/rectifications', {}, { refreshOn: ['ratings/changed'] });
  const [selected, setSelected] = useState<number>();
  const task = tasks.data?.find((r) => r.id === selected);

  const columns = useMemo<ColumnDef<RectificationView, unknown>[]>(
    () => [
      { accessorKey: 'ratingDay', header: t('ratings:rect.day') },
      { id: 'level', accessorFn: (r) => t(`ratings:level.${r.level}`), header: t('ratings:rect.level') },
      {
        id: 'counter',
        accessorFn: (r) => (r.counterNumber === null ? '' : t('queue:counterLabel', { number: r.counterNumber })),
        header: t('ratings:rect.counter'),
      },
      { id: 'staff', accessorFn: (r) => r.staffName ?? '', header: t('ratings:rect.staff') },
      { id: 'cases', accessorFn: (r) => r.caseNumbers.join(' '), header: t('ratings:rect.cases') },
      { id: 'reasons', accessorFn: (r) => r.reasons.map((x) => t(`ratings:reason.${x}`)).join('、'), header: t('ratings:rect.reasons') },
      { id: 'dueDay', accessorFn: (r) => due(r.dueDay), header: t('ratings:rect.due') },
      {
        id: 'state',
        accessorFn: (r) => (r.closedAt ? 'closed' : r.overdue ? 'overdue' : 'open'),
        header: t('ratings:rect.state'),
        cell: ({ row }) => {
          const r = row.original;
          if (r.closedAt)
            return <span className={r.overdue ? 'badge overdue' : 'badge'}>{t(r.overdue ? 'ratings:rect.closedLate' : 'ratings:rect.closed')}</span>;
          return r.overdue ? (
            <span className="badge overdue">{t('ratings:rect.overdue')}</span>
          ) : (
            <span className="badge">{t('ratings:rect.daysLeft', { count: r.workingDaysLeft ?? 0 })}</span>
          );
        },
      },
      { id: 'assignee', accessorFn: (r) => r.assigneeName ?? '', header: t('ratings:rect.assignee') },
      openRowColumn<RectificationView>(t('ratings:rect.handle'), setSelected),
    ],
    [t, due],
  );

  return (
    <section className="card" aria-labelledby="rectifications-title">
      <h2 id="rectifications-title">{t('ratings:rect.title')}</h2>
      <DataTable data={tasks.data ?? []} query={tasks} columns={columns} label={t('ratings:rect.title')} />
      {task && <RectificationForm key={task.id} task={task} onDone={tasks.reload} />}
    </section>
  );
}

function RectificationForm({ task, onDone }: { task: RectificationView; onDone: () => void }) {
  const { t } = useTranslation();
  const staff = useQuery('staff/list', {});
  const assign = useMutation('ratings/assign');
  const call = useMutation('ratings/recordCall');
  const measures = useMutation('ratings/recordMeasures');
  const verdict = useMutation('ratings/recordVerdict');
  const [assignee, setAssignee] = useState(task.assigneeStaffId ?? 0);
  const [notes, setNotes] = useState(task.callNotes ?? '');
  const [measureText, setMeasureText] = useState(task.measures ?? '');
  const [choice, setChoice] = useState<(typeof rectificationVerdicts)[number]>('satisfied');
  const closed = task.closedAt !== null;
  const after = (p: Promise<unknown>) => void p.then(onDone);

  return (
    <div className="rect-form" aria-label={t('ratings:rect.handle')}>
      <h3>
        {t('ratings:rect.task', { id: task.id })} · {t(`ratings:level.${task.level}`)}
        {task.comment && ` · “${task.comment}”`}
      </h3>
      <div className="rect-actions">
        <label>
          {t('ratings:rect.assignee')}{' '}
          <select value={assignee} disabled={closed} onChange={(e) => setAssignee(Number(e.target.value))}>
            <StaffOptions staff={(staff.data ?? []).filter((s) => s.active)} none="—" />
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          disabled={closed || assignee === 0 || assign.pending}
          onClick={() => after(assign.run({ id: task.id, staffId: assignee }))}
        >
          {t('ratings:rect.assign')}
        </button>
      </div>
      <label>
        {t('ratings:rect.call')}
        <textarea value={notes} disabled={closed} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="rect-actions">
        <button
          type="button"
          className="secondary"
          disabled={closed || notes.trim() === '' || call.pending}
          onClick={() => after(call.run({ id: task.id, notes }))}
        >
          {t('ratings:rect.saveCall')}
        </button>
        {task.callAt && <span className="hint">{t('ratings:rect.savedAt', { at: formatHallDateTime(task.callAt) })}</span>}
      </div>
      <label>
        {t('ratings:rect.measures')}
        <textarea value={measureText} disabled={closed} onChange={(e) => setMeasureText(e.target.value)} />
      </label>
      <div className="rect-actions">
        <button
          type="button"
          className="secondary"
          disabled={closed || measureText.trim() === '' || measures.pending}
          onClick={() => after(measures.run({ id: task.id, measures: measureText }))}
        >
          {t('ratings:rect.saveMeasures')}
        </button>
      </div>
      <div className="rect-actions">
        <label>
          {t('ratings:rect.verdict')}{' '}
          <select
            value={task.verdict ?? choice}
            disabled={closed}
            onChange={(e) => setChoice(rectificationVerdicts.find((v) => v === e.target.value) ?? 'satisfied')}
          >
            {rectificationVerdicts.map((v) => (
              <option key={v} value={v}>
                {t(`ratings:verdict.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={closed || verdict.pending} onClick={() => after(verdict.run({ id: task.id, verdict: choice }))}>
          {t('ratings:rect.close')}
        </button>
      </div>
      <ErrorBanner error={assign.error ?? call.error ?? measures.error ?? verdict.error} />
    </div>
  );
}
