import type { Result } from '../../main/core/api/errors.ts';
import type { PushMessage } from '../../main/server/push.ts';

/** What preload/ exposes in the Electron windows; absent in a browser. */
export type OneWindowBridge = {
  invoke: (name: string, input: unknown, token: string | undefined) => Promise<Result<unknown>>;
  onPush: (listener: (message: PushMessage) => void) => () => void;
  hello: (token: string | undefined, since: number | undefined) => void;
};

declare global {
  interface Window {
    onewindow?: OneWindowBridge;
  }
}

export const bridge = (): OneWindowBridge | undefined => window.onewindow;
