import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeView } from '../queue/use-overview.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { Dialog } from '../shared/Dialog.tsx';
import { Field } from '../shared/Field.tsx';
import { EditFormFooter } from './FormFooters.tsx';
import { useMutation } from '../shared/use-api.ts';
import { ListSection } from './ListSection.tsx';
import { idOf, useEditForm } from './use-edit-form.ts';

type Form = { id?: number; textZh: string; textEn: string; sortOrder: string };
const blank: Form = { textZh: '', textEn: '', sortOrder: '0' };

/** The notices that scroll along the bottom of the calling board. */
export function NoticesSection({ notices, onSaved }: { notices: NoticeView[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const remove = useMutation('queue/deleteNotice');
  // Undefined while no form is open: the form opens from 新增 or a row's 编辑.
  const [open, setOpen] = useState<Form>();

  const columns = useMemo<ColumnDef<NoticeView, unknown>[]>(
    () => [
      { accessorKey: 'textZh', header: t('queue:manage.textZh') },
      { accessorKey: 'textEn', header: t('queue:manage.textEn') },
      { accessorKey: 'sortOrder', header: t('queue:manage.sortOrder') },
      {
        id: 'edit',
        header: t('queue:manage.edit'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="row-actions">
            <button
              type="button"
              className="small"
              onClick={() =>
                setOpen({ id: row.original.id, textZh: row.original.textZh, textEn: row.original.textEn, sortOrder: String(row.original.sortOrder) })
              }
            >
              {t('queue:manage.edit')}
            </button>
            <button
              type="button"
              className="small danger"
              onClick={() =>
                void remove.run({ id: row.original.id }).then((r) => {
                  if (r) onSaved();
                })
              }
            >
              {t('queue:manage.delete')}
            </button>
          </span>
        ),
      },
    ],
    [t, remove, onSaved],
  );

  return (
    <ListSection id="notices-title" title={t('queue:manage.notices')} addText={t('manage:queue.addNotice')} onAdd={() => setOpen(blank)}>
      <DataTable data={notices} columns={columns} label={t('queue:manage.notices')} />
      <ErrorBanner error={remove.error} />
      {open && (
        <NoticeDialog
          initial={open}
          onClose={() => setOpen(undefined)}
          onSaved={() => {
            setOpen(undefined);
            onSaved();
          }}
        />
      )}
    </ListSection>
  );
}

function NoticeDialog({ initial, onClose, onSaved }: { initial: Form; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, setForm, save, fieldError, submit } = useEditForm(
    'queue/saveNotice',
    initial,
    (f) => ({ ...idOf(f), textZh: f.textZh, textEn: f.textEn, active: true, sortOrder: Number(f.sortOrder) || 0 }),
    () => onSaved(),
  );

  return (
    <Dialog title={form.id === undefined ? t('queue:manage.newNotice') : t('queue:manage.editNotice')} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('queue:manage.noticeForm')}>
        <Field
          label={t('queue:manage.textZh')}
          value={form.textZh}
          maxLength={500}
          onChange={(e) => setForm({ ...form, textZh: e.target.value })}
          error={fieldError('textZh')}
        />
        <Field
          label={t('queue:manage.textEn')}
          value={form.textEn}
          maxLength={500}
          onChange={(e) => setForm({ ...form, textEn: e.target.value })}
          error={fieldError('textEn')}
        />
        <Field
          label={t('queue:manage.sortOrder')}
          type="number"
          min={0}
          value={form.sortOrder}
          onChange={(e) => setForm({ ...form, sortOrder: e.target.value })}
          error={fieldError('sortOrder')}
        />
        <EditFormFooter error={save.error} pending={save.pending} editing onCancel={onClose} />
      </form>
    </Dialog>
  );
}
