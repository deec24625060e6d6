import type { ComponentProps, ReactNode } from 'react';

type Props = {
  /** The column heads, in order. */
  columns: string[];
  /** A last, unlabelled column for each row's buttons. */
  actions?: boolean;
  /** The rows: the callers' own `<tr>`s, since their cells differ (a row head, badges, buttons). */
  children: ReactNode;
} & ComponentProps<'table'>;

/**
 * A short table that needs none of DataTable's sorting, filter or virtual rows (a handful of
 * versions, backups, utilities or report lines): its heads once here, its rows from the caller.
 */
export function PlainTable({ columns, actions = false, children, ...table }: Props) {
  return (
    <table {...table}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i}>{column}</th>
          ))}
          {actions && <th />}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
