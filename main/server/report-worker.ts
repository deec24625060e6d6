import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { runInBackground } from '../../db/background-priority.ts';
import { openDatabase, type ReadDb } from '../../db/connection.ts';
import type { KeptDayTimes } from '../../db/report-day-times.ts';
import { buildReport } from '../core/reports/build-report.ts';
import { summaryPart } from '../core/reports/report-port.ts';
import { buildWorkbook } from '../core/reports/workbook.ts';
import type { ReportJob, ReportReply } from './report-workers.ts';

// One report at a time on its own read-only connection, off the hall's event loop. The
// connection stays open between jobs: the schema, the statement cache and SQLite's page cache
// are warm for the next report. It writes nothing: the closed days' times it computes go back
// with the answer, and the hall's single writer keeps them (report-workers.ts). A worker that
// wrote them itself took the write lock beside the hall's, and a commit's fsync on a busy disk
// held every counter waiting (bench hall.busy).
// Reports wait a little longer on a busy PC; the counters and boards do not (background-priority.ts).
runInBackground();
const { databaseFile } = z.object({ databaseFile: z.string() }).parse(workerData);
const db: ReadDb = openDatabase(databaseFile, { readonly: true, mustExist: true });

async function run(job: ReportJob): Promise<ReportReply> {
  const deps = { db, clock: { now: () => new Date(job.nowIso) } };
  const kept: KeptDayTimes[] = [];
  const report = (from: string, to: string) => buildReport(deps, from, to, (day) => kept.push(day));
  switch (job.kind) {
    case 'report':
      return { id: job.id, ok: true, kind: 'report', report: report(job.from, job.to), kept };
    case 'summary':
      return { id: job.id, ok: true, kind: 'summary', summary: summaryPart(report(job.from, job.to)), kept };
    case 'workbook': {
      // The file is built here too: writing a month's rows through ExcelJS took the hall's loop for a second.
      const base64 = await buildWorkbook(report, job.request, job.options);
      return { id: job.id, ok: true, kind: 'workbook', base64, kept };
    }
  }
}

parentPort?.on('message', (job: ReportJob) => {
  run(job).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) =>
      parentPort?.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ReportReply),
  );
});
