import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../main/core/ratings/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { useQuery } from '../shared/use-api.ts';
import { hallToday, monthStart } from '../shared/hall-clock.ts';
import { FigureTiles } from './FigureTiles.tsx';
import { percent } from './percent.ts';
import { figureGroupings, type FigureGrouping } from '../../common/rating-levels.ts';

type Row = Figures['rows'][number];

/** Figures per clerk, window, utility, day or month; completion below the 90% line in red. Counts only, never who rated. */
export function FiguresSection() {
  const { t } = useTranslation();
  const today = hallToday();
  const [from, setFrom] = useState(monthStart(today));
  const [to, setTo] = useState(today);
  const [groupBy, setGroupBy] = useState<FigureGrouping>('staff');
  const figures = useQuery('ratings/figures', { from, to, groupBy }, { refreshOn: ['ratings/changed', 'ratings/closed'] });

  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'label',
        accessorFn: (r) =>
          r.key === ''
            ? t('ratings:figures.none')
            : groupBy === 'counter'
              ? t('queue:counterLabel', { number: Number(r.label) })
              : groupBy === 'utility'
                ? t(`ratings:utility.${r.key}`, { defaultValue: r.key })
                : r.label,
        header: t(`ratings:groupBy.${groupBy}`),
      },
      { accessorKey: 'served', header: t('ratings:figures.served') },
      { accessorKey: 'rated', header: t('ratings:figures.rated') },
      {
        id: 'completion',
        accessorFn: (r) => r.completionRate ?? -1,
        header: t('ratings:figures.completion'),
        cell: ({ row }) => (
          <span className={row.original.meetsTarget === false ? 'below-target-text' : ''} data-below={row.original.meetsTarget === false}>
            {percent(row.original.completionRate)}
          </span>
        ),
      },
      { id: 'good', accessorFn: (r) => r.goodRate ?? -1, header: t('ratings:figures.goodRate'), cell: ({ row }) => percent(row.original.goodRate) },
      { accessorKey: 'bad', header: t('ratings:figures.bad') },
      { id: 'unrated', accessorFn: (r) => r.unratedRate ?? -1, header: t('ratings:figures.unratedRate'), cell: ({ row }) => percent(row.original.unratedRate) },
      // Keyboard ratings and odd patterns are shown, not hidden: a manager decides what they mean.
      { accessorKey: 'keyboard', header: t('ratings:figures.keyboard') },
      { id: 'flags', accessorFn: (r) => r.flags.map((f) => t(`ratings:flag.${f}`)).join('；'), header: t('ratings:figures.flags') },
    ],
    [t, groupBy],
  );

  return (
    <section className="card" aria-labelledby="rating-figures-title">
      <h2 id="rating-figures-title">{t('ratings:figures.title')}</h2>
      <div className="ratings-filters">
        <label>
          {t('ratings:figures.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('ratings:figures.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('ratings:figures.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(figureGroupings.find((g) => g === e.target.value) ?? 'staff')}>
            {figureGroupings.map((g) => (
              <option key={g} value={g}>
                {t(`ratings:groupBy.${g}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FigureTiles figures={figures.data?.total} target={figures.data?.target} testId="hall-figures" />
      <DataTable data={figures.data?.rows ?? []} query={figures} columns={columns} label={t('ratings:figures.title')} />
      <p className="hint">{t('ratings:figures.note')}</p>
    </section>
  );
}
