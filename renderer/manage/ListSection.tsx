import type { ReactNode } from 'react';

type Props = { id: string; title: string; addText: string; onAdd: () => void; done?: string | undefined; children: ReactNode };

/**
 * A manager's list section (counters, categories, notices, staff, devices): its title, the
 * button that adds to the list, what was just done, then the list and its dialogs.
 */
export function ListSection({ id, title, addText, onAdd, done, children }: Props) {
  return (
    <section className="card" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="primary" onClick={onAdd}>
          {addText}
        </button>
      </div>
      {done && (
        <div className="notice" role="status">
          {done}
        </div>
      )}
      {children}
    </section>
  );
}
