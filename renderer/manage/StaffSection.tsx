import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { StaffRoleName } from '../../main/core/api/roles.ts';
import type { Contract } from '../../main/core/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { StaffPhoto, StaffProfileEditor } from '../ledgers/StaffProfileEditor.tsx';
import { useUtilities, utilityName } from '../ledgers/use-utilities.ts';

type Staff = OutputOf<Contract['staff/list']>[number];

const roleChoices: StaffRoleName[] = ['clerk', 'manager', 'admin'];

export function StaffSection({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const list = useQuery('staff/list', {}, { refreshOn: ['staff/changed'] });
  // Utility and photo live beside the account (migration 0006).
  const profiles = useQuery('staff/profiles', {}, { refreshOn: ['staff/changed'] });
  const utilities = useUtilities();
  const create = useMutation('staff/create');
  const fieldError = useFieldError(create.error);
  const empty = { workNo: '', name: '', password: '', roles: ['clerk'] as StaffRoleName[] };
  const [form, setForm] = useState(empty);
  const [created, setCreated] = useState<string>();

  const columns = useMemo<ColumnDef<Staff, unknown>[]>(
    () => [
      { accessorKey: 'workNo', header: t('auth.workNo') },
      { accessorKey: 'name', header: t('staff.name') },
      { id: 'roles', accessorFn: (s) => s.roles.map((r) => t(`roles.${r}`)).join(' / '), header: t('staff.roles') },
      { id: 'state', accessorFn: (s) => (s.locked ? t('staff.locked') : s.active ? t('staff.active') : t('staff.inactive')), header: t('staff.state') },
      { id: 'utility', accessorFn: (s) => utilityName(utilities, profiles.data?.find((p) => p.staffId === s.id)?.utility ?? null), header: t('ledgers:complaint.utility') },
      {
        id: 'photo',
        header: t('ledgers:staff.photo'),
        enableSorting: false,
        cell: ({ row }) => (profiles.data?.find((p) => p.staffId === row.original.id)?.hasPhoto ? <StaffPhoto staffId={row.original.id} /> : null),
      },
    ],
    [t, profiles.data, utilities],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await create.run(form);
    if (result) {
      setCreated(result.workNo);
      setForm(empty);
      list.reload();
    }
  };

  const toggleRole = (role: StaffRoleName) =>
    setForm({ ...form, roles: form.roles.includes(role) ? form.roles.filter((r) => r !== role) : [...form.roles, role] });

  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staff.title')}</h2>
      <DataTable data={list.data ?? []} columns={columns} label={t('staff.title')} />
      <StaffProfileEditor staff={list.data ?? []} />
      <form className="inline-form" onSubmit={submit} aria-label={t('staff.create')}>
        <h3>{t('staff.create')}</h3>
        <Field label={t('auth.workNo')} value={form.workNo} onChange={(e) => setForm({ ...form, workNo: e.target.value })} error={fieldError('workNo')} />
        <Field label={t('staff.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError('name')} />
        <Field label={t('staff.initialPassword')} type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={fieldError('password')} />
        <fieldset className="roles">
          <legend>{t('staff.roles')}</legend>
          {roleChoices
            .filter((r) => r !== 'admin' || isAdmin)
            .map((role) => (
              <label key={role}>
                <input type="checkbox" checked={form.roles.includes(role)} onChange={() => toggleRole(role)} />
                {t(`roles.${role}`)}
              </label>
            ))}
        </fieldset>
        {!create.error?.details?.fields && <ErrorBanner error={create.error} />}
        {created && (
          <div className="notice" role="status">
            {t('staff.created', { workNo: created })}
          </div>
        )}
        <button type="submit" className="primary" disabled={create.pending}>
          {t('staff.createSubmit')}
        </button>
      </form>
    </section>
  );
}
