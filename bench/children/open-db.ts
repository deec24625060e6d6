import { closeDatabase, openDatabase } from '../../db/connection.ts';

// Baseline child of hall.cold_start_ms: the bare part of a hall start — open the
// database with the shared connection settings and answer one query — then exit.
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/children/open-db.ts <database file>\n');
  process.exit(2);
}
const db = openDatabase(file);
const { n } = db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number };
process.stdout.write(`staff=${n}\n`);
closeDatabase(db);
