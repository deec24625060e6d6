import { performance } from 'node:perf_hooks';
import { closeDatabase, type Db, openDatabase } from '../../db/connection.ts';
import { deleteSession } from '../../db/sessions.ts';
import { defaultSessionPolicy, openDeviceSession, openStaffSession } from '../../main/core/auth/sessions.ts';
import { hashToken } from '../../main/core/auth/tokens.ts';
import type { Clock } from '../../main/core/clock.ts';
import { type Core, createCore } from '../../main/core/create-core.ts';
import { BENCH_START, type IntakeFixture } from '../fixtures/intake-db.ts';

/** Rows a bench run may add, newest tables first so foreign keys allow the deletes. */
const ADDED = [
  'fee_lines',
  'application_materials',
  'work_order_events',
  'work_order_stages',
  'work_orders',
  'application_matters',
  'applications',
  'signature_requests',
  'customer_accounts',
  'customers',
  'audit_log',
] as const;

export type IntakeBenchHall = {
  db: Db;
  core: Core;
  clerk: string;
  rate: string;
  counterId: number;
  /** Puts the fixture back as it was: the bench's applications, customers and sessions removed. */
  restore: () => void;
  close: () => void;
};

/**
 * The fixture opened in this process with a core whose clock starts at BENCH_START and runs
 * with real time, a clerk session at counter 1 and its customer screen's session. Calls go
 * through core.send, the entry point both transports share: what is measured is OneWindow's
 * own work (validation, rules, SQL, commit), not the HTTP stack's.
 */
export function openIntakeBenchHall(fixture: IntakeFixture): IntakeBenchHall {
  const db = openDatabase(fixture.file);
  const origin = performance.now();
  const clock: Clock = { now: () => new Date(Date.parse(BENCH_START) + (performance.now() - origin)) };
  const marks = new Map<string, number>();
  for (const table of ADDED) {
    // Table names come from the constant list above.
    marks.set(table, (db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n);
  }
  const core = createCore({ db, clock });
  const clerk = openStaffSession(db, clock, defaultSessionPolicy, fixture.clerkId).token;
  const rate = openDeviceSession(db, clock, defaultSessionPolicy, fixture.rateDeviceId).token;
  return {
    db,
    core,
    clerk,
    rate,
    counterId: fixture.counterId,
    restore() {
      db.transaction(() => {
        for (const table of ADDED) db.prepare(`DELETE FROM ${table} WHERE rowid > ?`).run(marks.get(table) ?? 0);
        db.prepare('DELETE FROM case_sequences WHERE day >= ?').run(BENCH_START.slice(0, 10));
        db.prepare('DELETE FROM intake_drafts').run();
        deleteSession(db, hashToken(clerk));
        deleteSession(db, hashToken(rate));
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    close: () => closeDatabase(db),
  };
}
