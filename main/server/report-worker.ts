import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.ts';
import { buildReport } from '../core/reports/build-report.ts';
import type { ReportJob, ReportReply } from './report-workers.ts';

// One report at a time on its own connection, off the hall's event loop. The connection
// stays open between jobs: the schema, the statement cache and SQLite's page cache are warm
// for the next report. It writes only the closed days' kept times (day-times.ts), each in a
// short transaction the hall's writes wait out (busy timeout).
const { databaseFile } = workerData as { databaseFile: string };
const db = openDatabase(databaseFile, { mustExist: true });
// Its only writes are the kept day times, derived data a report can compute again: committed
// without an fsync, so the write lock is held for microseconds. With FULL a commit's fsync on a
// busy disk held it for seconds, and the hall's own writes — waiting it out in SQLite's busy
// handler on the event loop — froze every counter (found by bench hall.busy).
db.pragma('synchronous = NORMAL');

parentPort?.on('message', (job: ReportJob) => {
  let reply: ReportReply;
  try {
    const report = buildReport({ db, clock: { now: () => new Date(job.nowIso) } }, job.from, job.to);
    reply = { id: job.id, ok: true, report };
  } catch (error) {
    reply = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
