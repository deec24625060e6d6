import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../db/connection.ts';
import { ownPeakRssMb } from '../lib/peak-rss.ts';

// `node bench/children/read-outbox.ts <db>`: the bare part under the sync — better-sqlite3
// reading the queue in order, every column the sync sends, nothing else. Prints {records, ms, peakRssMb} (its own VmHWM).
const file = process.argv[2];
if (!file) throw new Error('usage: read-outbox.ts <db>');
const db = openDatabase(file, { readonly: true });
const started = performance.now();
let records = 0;
let bytes = 0;
for (const row of db
  .prepare(`SELECT seq, type, record_id, version, data FROM sync_outbox WHERE utility = 'gas' AND state = 'pending' ORDER BY seq`)
  .iterate() as Iterable<{ data: string }>) {
  records += 1;
  bytes += row.data.length;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ records, ms, bytes, peakRssMb: ownPeakRssMb() })}\n`);
