import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { openRowColumn } from '../shared/open-row-column.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import type { ExportColumn } from '../shared/xlsx-file.ts';
import { previousMonth } from '../../common/calendar-day.ts';
import { hallMonth } from '../shared/hall-clock.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { ExportButton } from './ExportButton.tsx';
import { FollowUpRecordForm } from './FollowUpRecordForm.tsx';
import { FollowUpRules, useRuleLabel } from './FollowUpRules.tsx';
import { useUtilities, utilityName } from './use-utilities.ts';
import './ledgers.css';
import { useDueDay } from '../shared/due-day.ts';

type Month = OutputOf<Contract['followups/month']>;
type Task = Month['tasks'][number];
type Problem = Month['problems'][number];

/** The follow-up ledger (回访, /manage/followups): the month's sampled tasks, results, problems closed item by item, coverage per rule. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  // Last month's applications are followed up this month.
  const [period, setPeriod] = useState(previousMonth(hallMonth()));
  const month = useQuery('followups/month', { period }, { refreshOn: ['followups/changed'] });
  const generate = useMutation('followups/generate');
  const [generated, setGenerated] = useState<{ created: number; total: number }>();
  const [selected, setSelected] = useState<number>();
  const utilities = useUtilities();
  const data = month.data;
  const task = data?.tasks.find((x) => x.id === selected);

  const columns = useMemo<ColumnDef<Task, unknown>[]>(
    () => [
      { accessorKey: 'id', header: t('ledgers:followUp.task') },
      { accessorKey: 'applicationDay', header: t('ledgers:followUp.applicationDay') },
      { id: 'utility', accessorFn: (x) => utilityName(utilities, x.utility), header: t('ledgers:complaint.utility') },
      { id: 'kind', accessorFn: (x) => t(`ledgers:customerKind.${x.customerKind}`), header: t('ledgers:followUp.customerKind') },
      { accessorKey: 'customer', header: t('ledgers:followUp.customer') },
      { id: 'phone', accessorFn: (x) => x.phone ?? '', header: t('ledgers:complaint.phone') },
      { id: 'cases', accessorFn: (x) => x.caseNumbers.join(' '), header: t('ledgers:complaint.caseNumber') },
      { id: 'state', accessorFn: (x) => t(`ledgers:taskState.${x.state}`), header: t('ledgers:complaint.state') },
      {
        id: 'satisfaction',
        accessorFn: (x) => (x.satisfaction === null ? '' : t(`ledgers:satisfaction.${x.satisfaction}`)),
        header: t('ledgers:followUp.satisfaction'),
      },
      { accessorKey: 'openProblems', header: t('ledgers:followUp.openProblems') },
      openRowColumn<Task>(t('ledgers:complaint.open'), setSelected),
    ],
    [t, utilities],
  );

  const csv = useMemo<ExportColumn<Task>[]>(
    () => [
      { header: t('ledgers:followUp.task'), value: (x) => x.id },
      { header: t('ledgers:followUp.applicationDay'), value: (x) => x.applicationDay },
      { header: t('ledgers:complaint.utility'), value: (x) => utilityName(utilities, x.utility) },
      { header: t('ledgers:followUp.customerKind'), value: (x) => t(`ledgers:customerKind.${x.customerKind}`) },
      { header: t('ledgers:followUp.customer'), value: (x) => x.customer },
      { header: t('ledgers:complaint.phone'), value: (x) => x.phone },
      { header: t('ledgers:complaint.caseNumber'), value: (x) => x.caseNumbers.join(' ') },
      { header: t('ledgers:complaint.state'), value: (x) => t(`ledgers:taskState.${x.state}`) },
      { header: t('ledgers:followUp.method'), value: (x) => (x.method ? t(`ledgers:followUpMethod.${x.method}`) : '') },
      { header: t('ledgers:followUp.satisfaction'), value: (x) => (x.satisfaction === null ? '' : t(`ledgers:satisfaction.${x.satisfaction}`)) },
      { header: t('ledgers:followUp.notes'), value: (x) => x.notes },
      { header: t('ledgers:followUp.doneDay'), value: (x) => x.doneDay },
    ],
    [t, utilities],
  );

  return (
    <div className="ledgers-page">
      <h1>{t('ledgers:followUp.title')}</h1>
      <div className="ledger-toolbar">
        <label>
          {t('ledgers:followUp.month')}
          <input type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          disabled={generate.pending}
          onClick={() => void generate.run({ period }).then((r) => r && (setGenerated(r), month.reload()))}
        >
          {t('ledgers:followUp.generate')}
        </button>
        <ExportButton rows={data?.tasks ?? []} columns={csv} fileName={`${t('ledgers:followUp.fileName')}-${period}`} />
      </div>
      {generated && (
        <div className="notice" role="status">
          {t('ledgers:followUp.generated', { created: generated.created, total: generated.total })}
        </div>
      )}
      <ErrorBanner error={generate.error} />
      {data && <Coverage coverage={data.coverage} />}
      {task && <FollowUpRecordForm key={task.id} task={task} onClose={() => setSelected(undefined)} onDone={month.reload} />}
      <section className="card" aria-labelledby="followup-tasks-title">
        <h2 id="followup-tasks-title">{t('ledgers:followUp.tasks')}</h2>
        <DataTable data={data?.tasks ?? []} query={month} columns={columns} label={t('ledgers:followUp.tasks')} />
      </section>
      <Problems problems={data?.problems ?? []} onDone={month.reload} />
      <FollowUpRules onSaved={month.reload} />
    </div>
  );
}

function Coverage({ coverage }: { coverage: Month['coverage'] }) {
  const { t } = useTranslation();
  const label = useRuleLabel();
  return (
    <section className="card" aria-labelledby="followup-coverage-title">
      <h2 id="followup-coverage-title">{t('ledgers:coverage.title')}</h2>
      <table className="plain">
        <thead>
          <tr>
            <th>{t('ledgers:coverage.rule')}</th>
            <th>{t('ledgers:coverage.population')}</th>
            <th>{t('ledgers:coverage.required')}</th>
            <th>{t('ledgers:coverage.tasked')}</th>
            <th>{t('ledgers:coverage.done')}</th>
            <th>{t('ledgers:coverage.coverage')}</th>
            <th>{t('ledgers:coverage.met')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.map((c) => (
            <tr key={c.ruleId}>
              <td>{label(c.ruleId)}</td>
              <td>{c.population}</td>
              <td>{c.required}</td>
              <td>{c.tasked}</td>
              <td>{c.done}</td>
              <td>{c.coverage === null ? '—' : `${Math.round(c.coverage * 1000) / 10}%`}</td>
              <td>
                <span className={`ledger-badge ${c.met ? 'met' : 'unmet'}`}>{t(c.met ? 'ledgers:coverage.yes' : 'ledgers:coverage.no')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Problems found on follow-ups, each closed within 3 working days (逐条销号). */
function Problems({ problems, onDone }: { problems: Problem[]; onDone: () => void }) {
  const { t } = useTranslation();
  const due = useDueDay();
  const close = useMutation('followups/closeProblem');
  const [resolutions, setResolutions] = useState<Record<number, string>>({});
  const columns = useMemo<ColumnDef<Problem, unknown>[]>(
    () => [
      { accessorKey: 'taskId', header: t('ledgers:followUp.task') },
      { accessorKey: 'description', header: t('ledgers:problem.description') },
      { accessorKey: 'foundDay', header: t('ledgers:problem.foundDay') },
      { id: 'dueDay', accessorFn: (p) => due(p.dueDay), header: t('ledgers:complaint.dueDay') },
      {
        id: 'deadline',
        accessorFn: (p) => p.deadline,
        header: t('ledgers:complaint.deadline'),
        cell: ({ row }) => <DeadlineBadge state={row.original.deadline} dueDay={row.original.dueDay} />,
      },
      {
        id: 'resolution',
        accessorFn: (p) => p.resolution ?? '',
        header: t('ledgers:problem.resolution'),
        enableSorting: false,
        cell: ({ row }) => {
          const p = row.original;
          if (p.resolution !== null) return <span>{`${p.resolution} (${p.closedDay ?? ''})`}</span>;
          return (
            <span className="ledger-actions">
              <input
                aria-label={t('ledgers:problem.resolution')}
                value={resolutions[p.id] ?? ''}
                onChange={(e) => setResolutions((r) => ({ ...r, [p.id]: e.target.value }))}
              />
              <button
                type="button"
                className="secondary"
                disabled={!(resolutions[p.id] ?? '').trim() || close.pending}
                onClick={() => void close.run({ problemId: p.id, resolution: resolutions[p.id] ?? '' }).then((r) => r && onDone())}
              >
                {t('ledgers:problem.close')}
              </button>
            </span>
          );
        },
      },
    ],
    [t, resolutions, close, onDone, due],
  );
  return (
    <section className="card" aria-labelledby="followup-problems-title">
      <h2 id="followup-problems-title">{t('ledgers:problem.title')}</h2>
      <ErrorBanner error={close.error} />
      <DataTable data={problems} columns={columns} label={t('ledgers:problem.title')} />
    </section>
  );
}
