import type { Db } from '../../db/connection.ts';
import type { SessionPolicy } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { EventBus } from './events.ts';
import type { Logger } from './logger.ts';

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

/** What every domain's handlers are built from. */
export type CoreDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  sessionPolicy: SessionPolicy;
  lockout: LockoutPolicy;
};
