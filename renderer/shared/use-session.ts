import { useEffect, useState } from 'react';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { send } from '../api/client.ts';
import { getToken, type SessionScope, setToken } from '../api/session.ts';

export type Me = OutputOf<Contract['auth/me']>;

/** The token of a scope and who it belongs to; an expired or revoked token is dropped. */
export function useSession(scope: SessionScope) {
  const [token, setTokenState] = useState(() => getToken(scope));
  const [me, setMe] = useState<Me>();
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    const onChange = () => setTokenState(getToken(scope));
    window.addEventListener('onewindow:session', onChange);
    window.addEventListener('storage', onChange);
    return () => {
      window.removeEventListener('onewindow:session', onChange);
      window.removeEventListener('storage', onChange);
    };
  }, [scope]);

  useEffect(() => {
    let live = true;
    setChecked(false);
    if (!token) {
      setMe(undefined);
      setChecked(true);
      return;
    }
    void send('auth/me', {}, scope).then((result) => {
      if (!live) return;
      if (result.ok) setMe(result.value);
      else if (result.error.code === 'unauthenticated') setToken(scope, undefined);
      setChecked(true);
    });
    return () => {
      live = false;
    };
  }, [token, scope]);

  const logout = async () => {
    await send('auth/logout', {}, scope);
    setToken(scope, undefined);
  };

  return { token, me, checked, logout };
}
