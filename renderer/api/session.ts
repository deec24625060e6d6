/**
 * Where a screen keeps its session token. Staff screens (counter, manage) share one
 * login; each device screen keeps its own pairing, so a PC can be kiosk and display.
 */
export type SessionScope = 'staff' | 'kiosk' | 'display' | 'rate';

const key = (scope: SessionScope) => `onewindow.session.${scope}`;

export function getToken(scope: SessionScope): string | undefined {
  return localStorage.getItem(key(scope)) ?? undefined;
}

export function setToken(scope: SessionScope, token: string | undefined): void {
  if (token) localStorage.setItem(key(scope), token);
  else localStorage.removeItem(key(scope));
  window.dispatchEvent(new CustomEvent('onewindow:session', { detail: scope }));
}
