import type { Result } from '../core/api/errors.ts';
import type { HallOptions } from '../server/hall.ts';
import type { PushMessage } from '../server/push.ts';

/**
 * Messages between the Electron main process and the hall utility process
 * (hall-utility.ts), posted over its parentPort. Windows are named by their
 * webContents id; the utility never sees a window itself.
 */
export type ToHall =
  | { kind: 'start'; options: HallOptions }
  | { kind: 'call'; id: number; name: string; input: unknown; token: string | undefined }
  /** A window (re)subscribes to push with its session; replaces its previous subscription. */
  | { kind: 'hello'; windowId: number; token: string | undefined; since: number | undefined }
  /** A window closed or navigated away: drop its subscription. */
  | { kind: 'bye'; windowId: number }
  | { kind: 'stop' };

export type FromHall =
  | { kind: 'ready'; url: string }
  | { kind: 'failed'; reason: 'database_too_new' | 'port_in_use' | 'other'; message: string }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'push'; windowId: number; message: PushMessage };
