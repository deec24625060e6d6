import { migration0001 } from './0001-foundation.ts';
import { migration0002 } from './0002-queue.ts';
import { migration0003 } from './0003-intake.ts';
import { migration0004 } from './0004-ratings.ts';
import { migration0005 } from './0005-sync-outbox.ts';
import { migration0006 } from './0006-ledgers.ts';
import { migration0007 } from './0007-ticket-times.ts';
import { migration0008 } from './0008-report-indexes.ts';
import { migration0009 } from './0009-report-day-times.ts';
import { migration0010 } from './0010-ticket-issued-category.ts';
import { migration0011 } from './0011-attempt-limits.ts';
import { migration0012 } from './0012-audit-chain.ts';
import { migration0013 } from './0013-ticket-idempotency.ts';
import { migration0014 } from './0014-sync-quarantine.ts';
import { migration0015 } from './0015-personal-data-retention.ts';
import { migration0016 } from './0016-ticket-pace-index.ts';
import { migration0017 } from './0017-paper-signatures.ts';
import { migration0018 } from './0018-call-events-index.ts';
import { migration0019 } from './0019-waiting-by-category-index.ts';
import { migration0020 } from './0020-unerased-signatures-index.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Append new ones at the end; never edit a landed one. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020];
