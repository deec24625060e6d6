import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRoleName } from '../../main/core/api/roles.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { DialogActions } from '../shared/DialogActions.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { NewPasswordField } from '../shared/Field.tsx';
import { useMutation } from '../shared/use-api.ts';

export type StaffAction = 'password' | 'roles' | 'deactivate' | 'reactivate';

type Staff = { id: number; workNo: string; name: string; roles: StaffRoleName[] };

export const roleChoices: StaffRoleName[] = ['clerk', 'manager', 'admin'];

/**
 * One account's action that needs a word from the manager first: a temporary password, the
 * roles, or a yes to deactivating (the sessions end at once, so it is never a single click).
 */
export function StaffRowDialog({
  action,
  staff,
  isAdmin,
  onClose,
  onDone,
}: {
  action: StaffAction;
  staff: Staff;
  isAdmin: boolean;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const update = useMutation('staff/update');
  const fieldError = useFieldError(update.error);
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<StaffRoleName[]>(staff.roles);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input =
      action === 'password' ? { id: staff.id, password } : action === 'roles' ? { id: staff.id, roles } : { id: staff.id, active: action === 'reactivate' };
    if (!(await update.run(input))) return;
    const done = {
      password: 'manage:staff.resetDone',
      roles: 'manage:staff.rolesSaved',
      deactivate: 'manage:staff.deactivated',
      reactivate: 'manage:staff.reactivated',
    } as const;
    onDone(t(done[action], { workNo: staff.workNo }));
  };

  const title =
    action === 'password'
      ? t('manage:staff.resetTitle', { name: staff.name })
      : action === 'roles'
        ? t('manage:staff.rolesTitle', { name: staff.name })
        : action === 'deactivate'
          ? t('manage:staff.deactivateTitle', { name: staff.name, workNo: staff.workNo })
          : t('manage:staff.reactivate');

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)} aria-label={title}>
        {action === 'password' && (
          <>
            <NewPasswordField
              label={t('manage:staff.tempPassword')}
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError('password')}
            />
            <p className="hint">{t('manage:staff.resetHint')}</p>
          </>
        )}
        {action === 'roles' && (
          <fieldset className="roles">
            <legend>{t('staff.roles')}</legend>
            {roleChoices
              .filter((r) => r !== 'admin' || isAdmin)
              .map((role) => (
                <label key={role}>
                  <input
                    type="checkbox"
                    checked={roles.includes(role)}
                    onChange={() => setRoles(roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role])}
                  />
                  {t(`roles.${role}`)}
                </label>
              ))}
            {fieldError('roles') && <div className="field-error">{fieldError('roles')}</div>}
          </fieldset>
        )}
        {action === 'deactivate' && <p className="hint">{t('manage:staff.deactivateHint')}</p>}
        {!update.error?.details?.fields && <ErrorBanner error={update.error} />}
        <DialogActions
          submitText={action === 'deactivate' ? t('manage:staff.deactivate') : t('manage:staff.confirm')}
          danger={action === 'deactivate'}
          pending={update.pending}
          cancelText={t('manage:staff.cancel')}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
