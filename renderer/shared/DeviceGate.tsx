import type { ReactNode } from 'react';
import type { SessionScope } from '../api/session.ts';
import { Layout } from './Layout.tsx';
import { PairingForm } from './PairingForm.tsx';
import { PushProvider } from './PushProvider.tsx';
import { useSession } from './use-session.ts';

/** Kiosk, display and rating screens run under a paired device session. */
/** `bare`: once paired, the screen has no top bar (the board); pairing itself keeps it, with its language buttons. */
export function DeviceGate({
  scope,
  title,
  className,
  bare,
  children,
}: {
  scope: Exclude<SessionScope, 'staff'>;
  title: string;
  className?: string;
  bare?: boolean;
  children: ReactNode | ((device: { name: string }) => ReactNode);
}) {
  const session = useSession(scope);
  if (!session.checked) return <Layout title={title}>{null}</Layout>;
  if (!session.me || session.me.kind !== 'device') {
    return (
      <Layout title={title}>
        <PairingForm scope={scope} />
      </Layout>
    );
  }
  return (
    <PushProvider scope={scope} token={session.token}>
      <Layout title={`${title} · ${session.me.device.name}`} className={className} bare={bare}>
        {typeof children === 'function' ? children(session.me.device) : children}
      </Layout>
    </PushProvider>
  );
}
