import type { ColumnDef } from '@tanstack/react-table';

/**
 * The last column of a manager's list whose rows open in an edit dialog: a small 编辑 button a
 * row, named for screen readers after the row it edits, under an unsorted 编辑 heading.
 */
export function editColumn<T>(text: string, labelOf: (row: T) => string, onEdit: (row: T) => void): ColumnDef<T, unknown> {
  return {
    id: 'edit',
    header: text,
    enableSorting: false,
    cell: ({ row }) => (
      <button type="button" className="small" onClick={() => onEdit(row.original)} aria-label={labelOf(row.original)}>
        {text}
      </button>
    ),
  };
}
