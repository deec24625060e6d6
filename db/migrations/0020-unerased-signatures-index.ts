import type { Migration } from './migration.ts';

/**
 * The retention job (db/retention.ts eraseSignatures) looks for signed images still kept and
 * signed before the cut-off. Without an index it read every signature the hall ever took and
 * checked each one's application: 0.3 s on the event loop at the first tick of every hall day
 * for a 500 MB hall (found profiling bench hall.busy). With only the kept images in the index,
 * ordered by when they were signed, it reads those old enough to be due and nothing else.
 */
export const migration0020 = {
  version: 20,
  name: 'unerased-signatures-index',
  up(db) {
    db.exec(`CREATE INDEX signature_requests_kept ON signature_requests(signed_at) WHERE status = 'signed' AND image_erased_at IS NULL`);
  },
} satisfies Migration;
