import type { Db } from './connection.ts';
import { querySingle, run, sql } from './sql.ts';

/**
 * The sync outbox (migration 0005): what each utility is to receive at night.
 *
 * Call `enqueueOutbox` INSIDE the transaction that creates or changes the record, so the
 * record and its queue entry are committed together or not at all — a crash can then never
 * leave a record the utility will not hear of, nor a queued change that did not happen.
 *
 *   inTransaction(db, () => {
 *     const id = insertRating(db, …);
 *     enqueueOutbox(db, { utility: 'gas', type: 'rating', recordId: id, data: { caseNumber, level, … }, at });
 *   });
 *
 * Rules the caller keeps (and this function checks where it can):
 * - one entry per utility concerned; a record that concerns two utilities is queued twice,
 *   each with only that utility's part;
 * - `data` holds only the fields the utility needs, as plain JSON (strings, numbers,
 *   booleans, null, arrays and objects of those);
 * - a rater's identity is never sent: rating data must not carry the customer (name, phone,
 *   ID number, customer id). `enqueueOutbox` throws when it sees such a key on a rating.
 *
 * Each entry gets the record's next version for that utility (1, 2, …); the utility keeps the
 * newest version of a record. An older entry not yet put into a batch is superseded by the
 * newer one, so a record changed five times in a day goes out once, in its last state.
 */
/** `erasure` (migration 0015): the hall asks a utility to erase what it was sent about a person (docs/privacy.md). */
export type OutboxRecordType = 'workOrder' | 'rating' | 'complaint' | 'followUp' | 'erasure';

export const OUTBOX_RECORD_TYPES: readonly OutboxRecordType[] = ['workOrder', 'rating', 'complaint', 'followUp', 'erasure'];

export type OutboxEntryInput = {
  utility: string;
  type: OutboxRecordType;
  /** The record's id in this hall (a number is sent as its decimal string). */
  recordId: string | number;
  data: Record<string, unknown>;
  /** ISO time of the change, on the hall's clock. */
  at: string;
};

export type EnqueuedOutbox = { seq: number; version: number };

/**
 * Keys that would identify the person who rated; never part of rating data. The staff member
 * and window are part of a rating (national 好差评 rules), so `staffName` or `windowName` pass.
 */
const RATER_IDENTITY_KEY = /customer|rater|phone|mobile|id_?number|id_?type|id_?card|openid|contact|address|^name$/i;

export function enqueueOutbox(db: Db, entry: OutboxEntryInput): EnqueuedOutbox {
  if (!OUTBOX_RECORD_TYPES.includes(entry.type)) throw new Error(`outbox: unknown record type ${String(entry.type)}`);
  if (entry.utility.length === 0) throw new Error('outbox: utility is required');
  if (entry.type === 'rating') {
    const leaked = findKeys(entry.data, RATER_IDENTITY_KEY);
    if (leaked.length > 0) throw new Error(`outbox: a rating must not carry the rater's identity (${leaked.join(', ')})`);
  }
  const recordId = String(entry.recordId);
  const at = entry.at;
  const previous = querySingle<{ v: number | null }>(
    db,
    sql`SELECT max(version) AS v FROM sync_outbox WHERE utility = ${entry.utility} AND type = ${entry.type} AND record_id = ${recordId}`,
  );
  const version = (previous.v ?? 0) + 1;
  // Waiting or rejected: the newer version replaces it. Already in a batch ('sending'): that
  // batch is resent as it was (same id, same content) and the newer version follows later.
  run(
    db,
    sql`UPDATE sync_outbox SET state = 'superseded' WHERE utility = ${entry.utility} AND type = ${entry.type} AND record_id = ${recordId} AND state IN ('pending', 'rejected')`,
  );
  const seq = Number(
    run(
      db,
      sql`INSERT INTO sync_outbox (utility, type, record_id, version, data, queued_at, state) VALUES (${entry.utility}, ${entry.type}, ${recordId}, ${version}, ${JSON.stringify(entry.data)}, ${at}, 'pending')`,
    ).lastInsertRowid,
  );
  return { seq, version };
}

function findKeys(value: unknown, pattern: RegExp, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (pattern.test(key)) found.push(name);
    found.push(...findKeys(inner, pattern, name));
  }
  return found;
}
