import type { Result } from '../../main/core/api/errors.ts';
import type { PushMessage } from '../../main/server/push.ts';

/** What preload/ exposes in the Electron windows; absent in a browser. */
export type OneWindowBridge = {
  invoke: (name: string, input: unknown, token: string | undefined) => Promise<Result<unknown>>;
  onPush: (listener: (message: PushMessage) => void) => () => void;
  hello: (token: string | undefined, since: number | undefined) => void;
  /** Renders the page to PDF and asks where to save it (path null: the clerk cancelled). Absent in client mode's windows. */
  savePdf?: (fileName: string) => Promise<SavePdfResult>;
};

export type SavePdfResult = { ok: true; path: string | null } | { ok: false };

declare global {
  interface Window {
    onewindow?: OneWindowBridge;
  }
}

export const bridge = (): OneWindowBridge | undefined => window.onewindow;
