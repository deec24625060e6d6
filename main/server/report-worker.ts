import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { openDatabase, type ReadDb } from '../../db/connection.ts';
import type { KeptDayTimes } from '../../db/report-day-times.ts';
import { buildReport } from '../core/reports/build-report.ts';
import type { ReportJob, ReportReply } from './report-workers.ts';

// One report at a time on its own read-only connection, off the hall's event loop. The
// connection stays open between jobs: the schema, the statement cache and SQLite's page cache
// are warm for the next report. It writes nothing: the closed days' times it computes go back
// with the report, and the hall's single writer keeps them (report-workers.ts). A worker that
// wrote them itself took the write lock beside the hall's, and a commit's fsync on a busy disk
// held every counter waiting (bench hall.busy).
const { databaseFile } = z.object({ databaseFile: z.string() }).parse(workerData);
const db: ReadDb = openDatabase(databaseFile, { readonly: true, mustExist: true });

parentPort?.on('message', (job: ReportJob) => {
  let reply: ReportReply;
  try {
    const kept: KeptDayTimes[] = [];
    const report = buildReport({ db, clock: { now: () => new Date(job.nowIso) } }, job.from, job.to, (day) => kept.push(day));
    reply = { id: job.id, ok: true, report, kept };
  } catch (error) {
    reply = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
