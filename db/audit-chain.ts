import { createHash } from 'node:crypto';
import type { ReadDb } from './connection.ts';
import { iterate, queryOne, sql } from './sql.ts';
import type { Row } from './tables.ts';

/**
 * The audit log is a hash chain: each entry's hash covers the entry and the hash before it, so
 * an entry edited, removed or put back in another order — by hand in the file, or by restoring
 * an older copy — breaks the chain at that point (verifyAuditChain), and a restore that carries
 * the newer entries forward keeps it whole.
 */
export type ChainedFields = Omit<Row<'audit_log'>, 'id' | 'prev_hash' | 'hash'>;

export const GENESIS = '0'.repeat(64);

/** Never to change: every chain already written (and migration 0012) was computed with it. */
export function entryHash(prev: string, e: ChainedFields): string {
  // JSON of a fixed array: no field can bleed into the next.
  return createHash('sha256')
    .update(JSON.stringify([prev, e.at, e.actor_staff_id, e.action, e.target, e.before_json, e.after_json]))
    .digest('hex');
}

export function lastAuditHash(db: ReadDb): string {
  const row = queryOne<{ hash: string | null }>(db, sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  return row?.hash ?? GENESIS;
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAtId: number };

/** Walks the whole log in order; the first entry whose link does not hold is where it was changed. */
export function verifyAuditChain(db: ReadDb): ChainCheck {
  let prev = GENESIS;
  let entries = 0;
  for (const row of iterate<Row<'audit_log'>>(
    db,
    sql`SELECT id, at, actor_staff_id, action, target, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id`,
  )) {
    if (row.prev_hash !== prev || row.hash !== entryHash(prev, row)) return { ok: false, entries, brokenAtId: row.id };
    prev = row.hash;
    entries += 1;
  }
  return { ok: true, entries };
}
