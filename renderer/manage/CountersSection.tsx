import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalNames } from '../queue/names.ts';
import type { CategoryView, CounterView } from '../queue/use-overview.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { Dialog } from '../shared/Dialog.tsx';
import { Field } from '../shared/Field.tsx';
import { editColumn } from './edit-column.tsx';
import { EditFormFooter } from './FormFooters.tsx';
import { ListSection } from './ListSection.tsx';
import { idOf, useEditForm } from './use-edit-form.ts';
import { useRowDialog } from './use-row-dialog.ts';

type Form = { id?: number; number: string; name: string; categoryIds: number[] };
const blank: Form = { number: '', name: '', categoryIds: [] };

/** Counters: number, name, and the categories they serve (none ticked: every category). */
export function CountersSection({ counters, categories, onSaved }: { counters: CounterView[]; categories: CategoryView[]; onSaved: () => void }) {
  const { t } = useTranslation();
  // No form open until 新增 or a row's 编辑 opens one.
  const { action: open, setAction: setOpen, close, finish, done } = useRowDialog<Form>(onSaved);

  const columns = useMemo<ColumnDef<CounterView, unknown>[]>(() => {
    const byId = new Map(categories.map((c) => [c.id, c]));
    return [
      { accessorKey: 'number', header: t('queue:manage.counterNumber') },
      { accessorKey: 'name', header: t('queue:manage.counterName') },
      {
        id: 'categories',
        accessorFn: (c) => (c.categoryIds.length === 0 ? t('queue:counter.allCategories') : c.categoryIds.map((id) => byId.get(id)?.prefix ?? '').join(' ')),
        header: t('queue:manage.serves'),
      },
      { id: 'status', accessorFn: (c) => t(`queue:counterState.${c.status}`), header: t('queue:manage.state') },
      { id: 'staff', accessorFn: (c) => c.staffName ?? '', header: t('queue:manage.staff') },
      editColumn<CounterView>(
        t('queue:manage.edit'),
        (c) => t('queue:manage.editCounter', { number: c.number }),
        (c) => setOpen({ id: c.id, number: String(c.number), name: c.name, categoryIds: c.categoryIds }),
      ),
    ];
  }, [t, categories, setOpen]);

  return (
    <ListSection id="counters-title" title={t('queue:manage.counters')} addText={t('manage:queue.addCounter')} onAdd={() => setOpen(blank)} done={done}>
      <DataTable data={counters} columns={columns} label={t('queue:manage.counters')} />
      {open && (
        <CounterDialog initial={open} categories={categories} onClose={close} onSaved={(number) => finish(t('queue:manage.counterSaved', { number }))} />
      )}
    </ListSection>
  );
}

function CounterDialog({
  initial,
  categories,
  onClose,
  onSaved,
}: {
  initial: Form;
  categories: CategoryView[];
  onClose: () => void;
  onSaved: (number: number) => void;
}) {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  const { form, setForm, save, fieldError, submit } = useEditForm(
    'queue/saveCounter',
    initial,
    (f) => ({ ...idOf(f), number: Number(f.number), name: f.name, categoryIds: f.categoryIds }),
    (saved) => onSaved(saved.number),
  );
  const title = form.id === undefined ? t('queue:manage.newCounter') : t('queue:manage.editCounter', { number: initial.number });

  const toggle = (id: number) =>
    setForm({ ...form, categoryIds: form.categoryIds.includes(id) ? form.categoryIds.filter((c) => c !== id) : [...form.categoryIds, id] });

  return (
    <Dialog title={title} onClose={onClose} className="wide">
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('queue:manage.counterForm')}>
        <div className="form-row">
          <Field
            label={t('queue:manage.counterNumber')}
            type="number"
            min={1}
            max={999}
            value={form.number}
            onChange={(e) => setForm({ ...form, number: e.target.value })}
            error={fieldError('number')}
          />
          <Field
            label={t('queue:manage.counterName')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={fieldError('name')}
          />
        </div>
        <fieldset className="roles">
          <legend>{t('queue:manage.serves')}</legend>
          {categories.map((c) => (
            <label key={c.id}>
              <input type="checkbox" checked={form.categoryIds.includes(c.id)} onChange={() => toggle(c.id)} />
              {c.prefix} · {name(c)}
            </label>
          ))}
        </fieldset>
        <p className="hint">{t('queue:manage.servesHint')}</p>
        <EditFormFooter error={save.error} pending={save.pending} editing onCancel={onClose} />
      </form>
    </Dialog>
  );
}
