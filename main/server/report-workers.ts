import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../common/logger.ts';
import type { ExcelOptions } from '../core/reports/excel.ts';
import type { ReportPort } from '../core/reports/report-port.ts';
import type { Report, ReportSummary } from '../core/reports/schemas.ts';
import type { WorkbookRequest } from '../core/reports/workbook.ts';

/** What a worker is asked for: a report, only its headline figures, or the Excel file. */
export type ReportJob = { id: number; nowIso: string } & (
  | { kind: 'report' | 'summary'; from: string; to: string }
  | { kind: 'workbook'; request: WorkbookRequest; options: ExcelOptions }
);
type Done = { kind: 'report'; report: Report } | { kind: 'summary'; summary: ReportSummary } | { kind: 'workbook'; base64: string };
export type ReportReply = ({ id: number; ok: true } & Done) | { id: number; ok: false; message: string };

export type ReportWorkers = ReportPort & {
  /** Ends the workers; reports still running are refused. */
  close: () => Promise<void>;
};

// The worker's own extension: .ts when run from source, .js once compiled for Electron.
const workerUrl = new URL(`./report-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

type Slot = { worker: Worker; job: { job: ReportJob; resolve: (done: Done) => void; reject: (error: Error) => void } | null };

const describeJob = (job: ReportJob): string => (job.kind === 'workbook' ? `workbook ${JSON.stringify(job.request)}` : `${job.kind} ${job.from}..${job.to}`);

/**
 * Reports computed in worker threads, each with its own connection to the hall's database
 * file (WAL: their reads never hold up the hall's writes). Up to `size` workers (two on
 * most hall PCs: a monthly report's two months side by side), started on first use and kept
 * for the next report; jobs beyond them wait their turn. A worker that dies fails only its
 * own report and is replaced at the next one.
 */
export function createReportWorkers(options: { databaseFile: string; size?: number; logger?: Logger }): ReportWorkers {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
  const slots: Slot[] = [];
  const waiting: NonNullable<Slot['job']>[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl, { workerData: { databaseFile: options.databaseFile } }), job: null };
    // An idle worker must not keep a finished process alive; a busy one must, or a script
    // awaiting its report would end first.
    slot.worker.unref();
    slot.worker.on('message', (reply: ReportReply) => {
      const current = slot.job;
      slot.job = null;
      slot.worker.unref();
      if (current && current.job.id === reply.id) {
        if (reply.ok) current.resolve(reply);
        else current.reject(new Error(`report ${describeJob(current.job)} failed: ${reply.message}`));
      }
      dispatch();
    });
    const lost = (error: Error) => {
      const index = slots.indexOf(slot);
      // 'error' is followed by 'exit': the slot is gone after the first.
      if (index < 0) return;
      slots.splice(index, 1);
      const current = slot.job;
      slot.job = null;
      if (current) current.reject(error);
      if (!closed) {
        options.logger?.error({ err: error }, 'report worker ended');
        dispatch();
      }
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`report worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (waiting.length > 0 && !closed) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < size ? start() : undefined);
      if (!slot) return;
      const next = waiting.shift();
      if (!next) return;
      slot.job = next;
      slot.worker.ref();
      slot.worker.postMessage(next.job);
    }
  };

  const ask = (job: ReportJob): Promise<Done> => {
    if (closed) return Promise.reject(new Error('report workers are closed'));
    return new Promise<Done>((resolve, reject) => {
      waiting.push({ job, resolve, reject });
      dispatch();
    });
  };
  const mismatch = (done: Done) => new Error(`a report worker answered ${done.kind} to another question`);

  return {
    async build(from, to, now) {
      const done = await ask({ id: nextId++, kind: 'report', from, to, nowIso: now.toISOString() });
      if (done.kind !== 'report') throw mismatch(done);
      return done.report;
    },
    async summary(from, to, now) {
      const done = await ask({ id: nextId++, kind: 'summary', from, to, nowIso: now.toISOString() });
      if (done.kind !== 'summary') throw mismatch(done);
      return done.summary;
    },
    async workbook(request, options, now) {
      const done = await ask({ id: nextId++, kind: 'workbook', request, options, nowIso: now.toISOString() });
      if (done.kind !== 'workbook') throw mismatch(done);
      return done.base64;
    },
    async close() {
      closed = true;
      for (const pending of waiting.splice(0)) pending.reject(new Error('report workers are closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
