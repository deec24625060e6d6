import type { ColumnDef } from '@tanstack/react-table';

/** The last column of a list whose rows open in a detail form: a button a row, without a heading or sorting. */
export function openRowColumn<T extends { id: number }>(label: string, onOpen: (id: number) => void): ColumnDef<T, unknown> {
  return {
    id: 'open',
    header: '',
    enableSorting: false,
    cell: ({ row }) => (
      <button type="button" className="secondary" onClick={() => onOpen(row.original.id)}>
        {label}
      </button>
    ),
  };
}
