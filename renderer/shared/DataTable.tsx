import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
  type RowData,
  type Table,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailedState, loadStateOf } from './QueryState.tsx';
import type { Query } from './use-api.ts';
import { downloadXlsx, type Sheet } from './xlsx-file.ts';

declare module '@tanstack/react-table' {
  // Declaration merging is the library's way to type column meta; a type alias cannot merge.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars -- the merged declaration must repeat the library's interface and both its type parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The cell as it goes into an Excel export, when the shown cell is not plain text. */
    exportValue?: (row: TData) => string | number | null;
  }
}

/**
 * The one table of every list and ledger: sorting, a filter, column choice and
 * virtualised rows, so a 100,000-row ledger scrolls as fast as a ten-row list.
 */
export function DataTable<T>({
  data,
  columns,
  label,
  rowHeight = 44,
  exportName,
  query,
}: {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  label: string;
  rowHeight?: number;
  /** Shows "导出 Excel": the rows as filtered and sorted, the columns as chosen, into <exportName>.xlsx. */
  exportName?: string;
  /** The request behind `data`: while it is on its way the table says 正在加载…, not 暂无数据; a failure shows its error and 重试. */
  query?: Query<unknown>;
}) {
  const { t, i18n } = useTranslation();
  // TanStack caches each row's accessorFn values until the data changes, so a value worded by the
  // column (是/否, 不限, a state's name) stayed in the old language after a switch: a new array per
  // language has the rows read again. (The headers and cell renderers follow the new columns anyway.)
  // The same when the columns change: a column that words a value from another answer (the 设备
  // table's 所属窗口 from the counters) kept what it read before that answer came (未绑定).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the language and the columns are why the copy is made, though it does not read them
  const rowsData = useMemo(() => [...data], [data, i18n.language, columns]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});
  const table = useReactTable({
    data: rowsData,
    columns,
    state: { sorting, globalFilter, columnVisibility },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onColumnVisibilityChange: setColumnVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = table.getVisibleLeafColumns().length;
  const state = query
    ? loadStateOf({ loading: query.loading, error: query.error, hasData: query.data !== undefined, empty: data.length === 0 })
    : data.length === 0
      ? 'empty'
      : 'ready';

  return (
    <div className="data-table" aria-busy={state === 'loading'}>
      {state === 'failed' && query?.error && <FailedState error={query.error} onRetry={query.reload} />}
      <div className="table-tools">
        <input
          type="search"
          aria-label={t('table.filter')}
          placeholder={t('table.filter')}
          value={globalFilter}
          onChange={(e) => setGlobalFilter(e.target.value)}
        />
        <details className="column-chooser">
          <summary>{t('table.columns')}</summary>
          {table.getAllLeafColumns().map((column) => (
            <label key={column.id}>
              <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
              {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
            </label>
          ))}
        </details>
        <span className="row-count">{t('table.rows', { count: rows.length })}</span>
        {exportName && (
          <button type="button" className="secondary" disabled={rows.length === 0} onClick={() => void downloadXlsx(exportName, sheetOf(table, label))}>
            {t('table.export')}
          </button>
        )}
      </div>
      <div className="table-scroll" ref={scroller}>
        <table aria-label={label}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                      {header.isPlaceholder ? null : (
                        <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columnCount} style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr key={row.id} style={{ height: rowHeight }}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columnCount} style={{ height: padBottom }} />
              </tr>
            )}
            {rows.length === 0 && state !== 'failed' && (
              <tr>
                {state === 'loading' ? (
                  <td colSpan={columnCount} className="empty" role="status">
                    <span className="spinner" aria-hidden="true" />
                    {t('load.loading')}
                  </td>
                ) : (
                  <td colSpan={columnCount} className="empty">
                    {data.length === 0 ? t('load.empty') : t('table.noMatch')}
                  </td>
                )}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** What the table shows, as a sheet: the visible columns in order, the rows as filtered and sorted. */
export function sheetOf<T>(table: Table<T>, name: string): Sheet {
  const columns = table.getVisibleLeafColumns();
  return {
    name,
    headers: columns.map((c) => (typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id)),
    rows: table.getRowModel().rows.map((row) =>
      columns.map((c) => {
        const custom = c.columnDef.meta?.exportValue;
        if (custom) return custom(row.original);
        const value = row.getValue(c.id);
        if (value === null || value === undefined) return null;
        if (typeof value === 'number' || typeof value === 'string') return value;
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell value that is neither text nor a number is a boolean or a date: String() words both
        return Array.isArray(value) ? value.join(', ') : String(value);
      }),
    ),
  };
}
