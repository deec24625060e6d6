import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { StaffRoleName } from '../../main/core/api/roles.ts';
import type { Contract } from '../../main/core/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { Dialog } from '../shared/Dialog.tsx';
import { DialogActions } from '../shared/DialogActions.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field, NewPasswordField } from '../shared/Field.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { StaffPhoto, StaffProfileEditor } from '../ledgers/StaffProfileEditor.tsx';
import { useUtilities, utilityName } from '../ledgers/use-utilities.ts';
import { roleChoices, StaffRowDialog, type StaffAction } from './StaffRowDialog.tsx';
import { useRowDialog } from './use-row-dialog.ts';
import { ListSection } from './ListSection.tsx';

type Staff = OutputOf<Contract['staff/list']>[number];

/** 人员: the staff list with each account's actions; the new-account form opens on demand. */
export function StaffSection({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const list = useQuery('staff/list', {}, { refreshOn: ['staff/changed'] });
  // Utility and photo live beside the account (migration 0006).
  const profiles = useQuery('staff/profiles', {}, { refreshOn: ['staff/changed'] });
  const utilities = useUtilities();
  const update = useMutation('staff/update');
  const [creating, setCreating] = useState(false);
  const { action, setAction, close, finish, done, setDone } = useRowDialog<{ kind: StaffAction; staff: Staff }>(list.reload);

  const unlock = async (s: Staff) => {
    setDone(undefined);
    if (await update.run({ id: s.id, unlock: true })) {
      setDone(t('manage:staff.unlocked', { workNo: s.workNo }));
      list.reload();
    }
  };
  // The columns call the latest unlock (its mutation and list change every render) without
  // being rebuilt each render for it.
  const unlockRef = useRef(unlock);
  unlockRef.current = unlock;

  const columns = useMemo<ColumnDef<Staff, unknown>[]>(
    () => [
      { accessorKey: 'workNo', header: t('auth.workNo') },
      { accessorKey: 'name', header: t('staff.name') },
      { id: 'roles', accessorFn: (s) => s.roles.map((r) => t(`roles.${r}`)).join(' / '), header: t('staff.roles') },
      { id: 'state', accessorFn: (s) => (s.locked ? t('staff.locked') : s.active ? t('staff.active') : t('staff.inactive')), header: t('staff.state') },
      {
        id: 'utility',
        accessorFn: (s) => utilityName(utilities, profiles.data?.find((p) => p.staffId === s.id)?.utility ?? null),
        header: t('ledgers:complaint.utility'),
      },
      {
        id: 'photo',
        header: t('ledgers:staff.photo'),
        enableSorting: false,
        cell: ({ row }) => (profiles.data?.find((p) => p.staffId === row.original.id)?.hasPhoto ? <StaffPhoto staffId={row.original.id} /> : null),
      },
      {
        id: 'actions',
        header: t('manage:staff.actions'),
        enableSorting: false,
        cell: ({ row }) => {
          const s = row.original;
          // The core lets only an administrator touch an administrator's account or change roles.
          const mayEdit = isAdmin || !s.roles.includes('admin');
          if (!mayEdit) return null;
          return (
            <span className="row-actions" data-testid={`staff-actions-${s.workNo}`}>
              <button type="button" className="small" onClick={() => setAction({ kind: 'password', staff: s })}>
                {t('manage:staff.resetPassword')}
              </button>
              {s.locked && (
                <button type="button" className="small" onClick={() => void unlockRef.current(s)}>
                  {t('manage:staff.unlock')}
                </button>
              )}
              {isAdmin && (
                <button type="button" className="small" onClick={() => setAction({ kind: 'roles', staff: s })}>
                  {t('manage:staff.changeRoles')}
                </button>
              )}
              <button
                type="button"
                className={`small ${s.active ? 'danger' : ''}`}
                onClick={() => setAction({ kind: s.active ? 'deactivate' : 'reactivate', staff: s })}
              >
                {s.active ? t('manage:staff.deactivate') : t('manage:staff.reactivate')}
              </button>
            </span>
          );
        },
      },
    ],
    [t, profiles.data, utilities, isAdmin, setAction],
  );

  return (
    <ListSection id="staff-title" title={t('staff.title')} addText={t('staff.create')} onAdd={() => setCreating(true)} done={done}>
      <ErrorBanner error={update.error} />
      <DataTable data={list.data ?? []} columns={columns} label={t('staff.title')} />
      <StaffProfileEditor staff={list.data ?? []} />
      {creating && (
        <CreateStaffDialog
          isAdmin={isAdmin}
          onClose={() => setCreating(false)}
          onCreated={(workNo) => {
            setCreating(false);
            setDone(t('staff.created', { workNo }));
            list.reload();
          }}
        />
      )}
      {action && <StaffRowDialog action={action.kind} staff={action.staff} isAdmin={isAdmin} onClose={close} onDone={finish} />}
    </ListSection>
  );
}

function CreateStaffDialog({ isAdmin, onClose, onCreated }: { isAdmin: boolean; onClose: () => void; onCreated: (workNo: string) => void }) {
  const { t } = useTranslation();
  const create = useMutation('staff/create');
  const fieldError = useFieldError(create.error);
  const [form, setForm] = useState<{ workNo: string; name: string; password: string; roles: StaffRoleName[] }>({
    workNo: '',
    name: '',
    password: '',
    roles: ['clerk'],
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await create.run(form);
    if (result) onCreated(result.workNo);
  };

  const toggleRole = (role: StaffRoleName) =>
    setForm({ ...form, roles: form.roles.includes(role) ? form.roles.filter((r) => r !== role) : [...form.roles, role] });

  return (
    <Dialog title={t('staff.create')} onClose={onClose}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)} aria-label={t('staff.create')}>
        <Field
          label={t('auth.workNo')}
          autoFocus
          value={form.workNo}
          onChange={(e) => setForm({ ...form, workNo: e.target.value })}
          error={fieldError('workNo')}
        />
        <Field label={t('staff.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError('name')} />
        <NewPasswordField
          label={t('staff.initialPassword')}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          error={fieldError('password')}
        />
        <fieldset className="roles">
          <legend>{t('staff.roles')}</legend>
          {roleChoices
            .filter((r) => r === 'clerk' || isAdmin)
            .map((role) => (
              <label key={role}>
                <input type="checkbox" checked={form.roles.includes(role)} onChange={() => toggleRole(role)} />
                {t(`roles.${role}`)}
              </label>
            ))}
        </fieldset>
        {!create.error?.details?.fields && <ErrorBanner error={create.error} />}
        <DialogActions submitText={t('staff.createSubmit')} pending={create.pending} cancelText={t('manage:staff.cancel')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
