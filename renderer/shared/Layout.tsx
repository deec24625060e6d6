import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { usePush } from './PushProvider.tsx';

/** `bare`: no top bar at all (the calling board, a TV nobody operates); the connection banner stays. */
export function Layout({
  title,
  user,
  onLogout,
  children,
  className,
  bare,
}: {
  title: string;
  user?: string;
  onLogout?: () => void;
  children: ReactNode;
  className?: string;
  bare?: boolean;
}) {
  const { t } = useTranslation();
  const push = usePush();
  return (
    <div className={`screen ${className ?? ''}`}>
      {!bare && (
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              {t('app.mark')}
            </span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="screen-title">{title}</span>
          </div>
          <div className="topbar-right">
            {push?.state === 'connecting' && (
              <span className="connection" role="status">
                {t('connection.connecting')}
              </span>
            )}
            {user && <span className="user">{user}</span>}
            {onLogout && (
              <button type="button" className="link" onClick={onLogout}>
                {t('auth.logout')}
              </button>
            )}
            <LanguageSwitch />
          </div>
        </header>
      )}
      {/* Across the screen, not a label in the corner: a clerk must see at a glance that the hall is away and that the form is safe. */}
      {push?.state === 'offline' && (
        <div className="connection-banner" role="alert" data-testid="connection-banner">
          <strong>{t('connection.offline')}</strong> {t('connection.offlineHint')}
        </div>
      )}
      <main className="content">{children}</main>
    </div>
  );
}
