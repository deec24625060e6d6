import { auditChange } from '../core/audit/record.ts';
import type { Core } from '../core/create-core.ts';
import { readHallTime } from '../core/hall/handlers.ts';
import type { HallBackend } from './hall-backend.ts';

/** The backend of a core in this thread: tests that inspect the core, and the core thread itself. */
export function inProcessBackend(core: Core): HallBackend {
  const { deps } = core;
  return {
    call: (name, input, token, origin) => core.call(name, input, token, origin),
    resolve: async (token) => core.resolve(token),
    hallTime: async () => readHallTime(deps),
    audit: async (staffId, change) => auditChange(deps, staffId, change),
    now: () => deps.clock.now(),
    events: core.events,
    joinPresence: (deviceId) => core.presence.join(deviceId),
  };
}
