import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { StaffRoleName } from '../../main/core/api/roles.ts';
import { Layout } from './Layout.tsx';
import { LoginForm } from './LoginForm.tsx';
import { PushProvider } from './PushProvider.tsx';
import { useQuery } from './use-api.ts';
import { type Me, useSession } from './use-session.ts';

type StaffMe = Extract<Me, { kind: 'staff' }>;

/**
 * Staff screens: first run goes to setup, then login, then a role check. The server
 * refuses every method a role may not call; this only spares the clerk a dead screen.
 */
export function StaffGate({ title, roles, children }: { title: string; roles: readonly StaffRoleName[]; children: (me: StaffMe['staff']) => ReactNode }) {
  const { t } = useTranslation();
  const setup = useQuery('setup/status', {}, {});
  const session = useSession('staff');
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (!session.checked || !setup.data) return <Layout title={title}>{null}</Layout>;
  if (!session.me || session.me.kind !== 'staff') {
    return (
      <Layout title={title}>
        <LoginForm />
      </Layout>
    );
  }
  const staff = session.me.staff;
  const logout = () => void session.logout();
  if (!staff.roles.some((r) => roles.includes(r))) {
    return (
      <Layout title={title} user={`${staff.name} (${staff.workNo})`} onLogout={logout}>
        <div className="card narrow" role="alert">
          {t('auth.notAllowed')}
        </div>
      </Layout>
    );
  }
  return (
    <PushProvider scope="staff" token={session.token}>
      <Layout title={title} user={`${staff.name} (${staff.workNo})`} onLogout={logout}>
        {children(staff)}
      </Layout>
    </PushProvider>
  );
}
