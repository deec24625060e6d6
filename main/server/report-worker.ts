import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.ts';
import { buildReport } from '../core/reports/build-report.ts';
import { summaryPart } from '../core/reports/report-port.ts';
import { buildWorkbook } from '../core/reports/workbook.ts';
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

async function run(job: ReportJob): Promise<ReportReply> {
  const deps = { db, clock: { now: () => new Date(job.nowIso) } };
  switch (job.kind) {
    case 'report':
      return { id: job.id, ok: true, kind: 'report', report: buildReport(deps, job.from, job.to) };
    case 'summary':
      return { id: job.id, ok: true, kind: 'summary', summary: summaryPart(buildReport(deps, job.from, job.to)) };
    case 'workbook':
      // The file is built here too: writing a month's rows through ExcelJS took the hall's loop for a second.
      return { id: job.id, ok: true, kind: 'workbook', base64: await buildWorkbook((from, to) => buildReport(deps, from, to), job.request, job.options) };
  }
}

parentPort?.on('message', (job: ReportJob) => {
  run(job).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) => parentPort?.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ReportReply),
  );
});
