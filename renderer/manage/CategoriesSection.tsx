import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../queue/use-overview.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { Dialog } from '../shared/Dialog.tsx';
import { Field } from '../shared/Field.tsx';
import { editColumn } from './edit-column.tsx';
import { EditFormFooter } from './FormFooters.tsx';
import { ListSection } from './ListSection.tsx';
import { idOf, useEditForm } from './use-edit-form.ts';
import { useRowDialog } from './use-row-dialog.ts';

type Form = {
  id?: number;
  prefix: string;
  nameZh: string;
  nameEn: string;
  dailyLimit: string;
  opensAt: string;
  closesAt: string;
  active: boolean;
  sortOrder: string;
  utilities: string[];
  businesses: string[];
};

const blank: Form = {
  prefix: '',
  nameZh: '',
  nameEn: '',
  dailyLimit: '',
  opensAt: '08:30',
  closesAt: '17:30',
  active: true,
  sortOrder: '0',
  utilities: [],
  businesses: [],
};

const toForm = (c: CategoryView): Form => ({
  id: c.id,
  prefix: c.prefix,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
  dailyLimit: c.dailyLimit === null ? '' : String(c.dailyLimit),
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  active: c.active,
  sortOrder: String(c.sortOrder),
  // Kept as they are: this form does not edit them, and saving must not drop them.
  utilities: c.utilities,
  businesses: c.businesses,
});

/** Service categories: prefix, names, daily limit, opening hours. */
export function CategoriesSection({ categories, onSaved }: { categories: CategoryView[]; onSaved: () => void }) {
  const { t } = useTranslation();
  // No form open until 新增 or a row's 编辑 opens one.
  const { action: open, setAction: setOpen, close, finish, done } = useRowDialog<Form>(onSaved);

  const columns = useMemo<ColumnDef<CategoryView, unknown>[]>(
    () => [
      { accessorKey: 'prefix', header: t('queue:manage.prefix') },
      { accessorKey: 'nameZh', header: t('queue:manage.nameZh') },
      { accessorKey: 'nameEn', header: t('queue:manage.nameEn') },
      { id: 'limit', accessorFn: (c) => c.dailyLimit ?? t('queue:manage.noLimit'), header: t('queue:manage.dailyLimit') },
      { id: 'hours', accessorFn: (c) => `${c.opensAt}–${c.closesAt}`, header: t('queue:manage.hours') },
      { id: 'active', accessorFn: (c) => (c.active ? t('queue:manage.yes') : t('queue:manage.no')), header: t('queue:manage.active') },
      editColumn<CategoryView>(
        t('queue:manage.edit'),
        (c) => t('queue:manage.editCategory', { prefix: c.prefix }),
        (c) => setOpen(toForm(c)),
      ),
    ],
    [t, setOpen],
  );

  return (
    <ListSection id="categories-title" title={t('queue:manage.categories')} addText={t('manage:queue.addCategory')} onAdd={() => setOpen(blank)} done={done}>
      <DataTable data={categories} columns={columns} label={t('queue:manage.categories')} />
      {open && <CategoryDialog initial={open} onClose={close} onSaved={(prefix) => finish(t('queue:manage.categorySaved', { prefix }))} />}
    </ListSection>
  );
}

function CategoryDialog({ initial, onClose, onSaved }: { initial: Form; onClose: () => void; onSaved: (prefix: string) => void }) {
  const { t } = useTranslation();
  const { form, setForm, save, fieldError, submit } = useEditForm(
    'queue/saveCategory',
    initial,
    (f) => ({
      ...idOf(f),
      prefix: f.prefix.trim().toUpperCase(),
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      utilities: f.utilities,
      businesses: f.businesses,
      dailyLimit: f.dailyLimit.trim() === '' ? null : Number(f.dailyLimit),
      opensAt: f.opensAt,
      closesAt: f.closesAt,
      active: f.active,
      sortOrder: Number(f.sortOrder) || 0,
    }),
    (saved) => onSaved(saved.prefix),
  );
  const title = form.id === undefined ? t('queue:manage.newCategory') : t('queue:manage.editCategory', { prefix: initial.prefix });

  const set = (key: 'prefix' | 'nameZh' | 'nameEn' | 'dailyLimit' | 'opensAt' | 'closesAt' | 'sortOrder') => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  return (
    <Dialog title={title} onClose={onClose} className="wide">
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('queue:manage.categoryForm')}>
        <div className="form-row">
          <Field label={t('queue:manage.prefix')} value={form.prefix} maxLength={1} onChange={set('prefix')} error={fieldError('prefix')} />
          <Field label={t('queue:manage.nameZh')} value={form.nameZh} onChange={set('nameZh')} error={fieldError('nameZh')} />
          <Field label={t('queue:manage.nameEn')} value={form.nameEn} onChange={set('nameEn')} error={fieldError('nameEn')} />
        </div>
        <div className="form-row">
          <Field
            label={t('queue:manage.dailyLimit')}
            type="number"
            min={1}
            placeholder={t('queue:manage.noLimit')}
            value={form.dailyLimit}
            onChange={set('dailyLimit')}
            error={fieldError('dailyLimit')}
          />
          <Field label={t('queue:manage.opensAt')} type="time" value={form.opensAt} onChange={set('opensAt')} error={fieldError('opensAt')} />
          <Field label={t('queue:manage.closesAt')} type="time" value={form.closesAt} onChange={set('closesAt')} error={fieldError('closesAt')} />
          <Field label={t('queue:manage.sortOrder')} type="number" min={0} value={form.sortOrder} onChange={set('sortOrder')} error={fieldError('sortOrder')} />
        </div>
        <label className="check">
          <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
          {t('queue:manage.activeHint')}
        </label>
        <EditFormFooter error={save.error} pending={save.pending} editing onCancel={onClose} />
      </form>
    </Dialog>
  );
}
