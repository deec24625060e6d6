import { entryHash, GENESIS, type ChainedFields } from '../audit-chain.ts';
import type { Migration } from './migration.ts';

/**
 * The audit log becomes tamper-evident: every entry carries the hash of the one before it and
 * its own (db/audit-chain.ts). The entries written before this migration are chained in their
 * order now, so from here on an edit anywhere shows.
 */
export const migration0012 = {
  version: 12,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
    `);
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = GENESIS;
    const rows = db.prepare('SELECT id, at, actor_staff_id, action, target, before_json, after_json FROM audit_log ORDER BY id').all() as (ChainedFields & { id: number })[];
    for (const row of rows) {
      const hash = entryHash(prev, row);
      update.run(prev, hash, row.id);
      prev = hash;
    }
  },
} satisfies Migration;
