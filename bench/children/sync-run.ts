import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { silentLogger } from '../../common/logger.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';
import { createSyncService, standaloneSyncDeps } from '../../main/utility-link/service.ts';
import { ownPeakRssMb } from '../lib/peak-rss.ts';

// `node bench/children/sync-run.ts <dataDir> <utility base URL>`: one sync of gas, as the hall
// runs it; prints {records, ms, peakRssMb, state} on stdout. peakRssMb is this process's own
// (VmHWM), not getrusage's, which would include the bench parent's peak (lib/peak-rss.ts).
const [dataDir, baseUrl] = process.argv.slice(2);
if (!dataDir || !baseUrl) throw new Error('usage: sync-run.ts <dataDir> <baseUrl>');
const db = openDatabase(databaseFile(dataDir));
db.prepare(`UPDATE sync_connectors SET base_url = ? WHERE utility = 'gas'`).run(baseUrl);
const service = createSyncService({ deps: standaloneSyncDeps(db, silentLogger), dataDir, retry: { attempts: 4, baseMs: 100, maxMs: 1000 } });
const started = performance.now();
const outcome = await service.run('gas', 'cli');
const ms = performance.now() - started;
closeDatabase(db);
const records = outcome.state === 'succeeded' || outcome.state === 'failed' ? outcome.accepted : 0;
process.stdout.write(`${JSON.stringify({ records, ms, peakRssMb: ownPeakRssMb(), state: outcome.state, error: 'error' in outcome ? outcome.error : null })}\n`);
