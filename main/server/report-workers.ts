import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addDays, previousMonth } from '../../common/calendar-day.ts';
import { hallDay } from '../../common/hall-time.ts';
import type { Logger } from '../../common/logger.ts';
import { type Db, inTransaction } from '../../db/connection.ts';
import { type KeptDayTimes, keptDayShapes, markPendingDayTimes, storePendingDayTimes } from '../../db/report-day-times.ts';
import { hallTimeZone } from '../core/hall/time-zone.ts';
import { keptGroups } from '../core/reports/day-times.ts';
import { monthDays } from '../core/reports/period.ts';
import type { ExcelOptions } from '../core/reports/excel.ts';
import type { ReportPort } from '../core/reports/report-port.ts';
import type { Report, ReportSummary } from '../core/reports/schemas.ts';
import type { WorkbookRequest } from '../core/reports/workbook.ts';

/** What a worker is asked for: a report, only its headline figures, or the Excel file. */
export type ReportJob = { id: number; nowIso: string } & (
  { kind: 'report' | 'summary'; from: string; to: string } | { kind: 'workbook'; request: WorkbookRequest; options: ExcelOptions }
);
type Done = { kind: 'report'; report: Report } | { kind: 'summary'; summary: ReportSummary } | { kind: 'workbook'; base64: string };
/** `kept`: the closed days' times the worker computed, for the hall's writer to keep. */
export type ReportReply = ({ id: number; ok: true; kept: KeptDayTimes[] } & Done) | { id: number; ok: false; message: string };

export type ReportWorkers = ReportPort & {
  /** Ends the workers; reports still running are refused. */
  close: () => Promise<void>;
};

// The worker's own extension: .ts when run from source, .js once compiled for Electron.
const workerUrl = new URL(`./report-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

type Slot = { worker: Worker; job: { job: ReportJob; resolve: (done: Done & { kept: KeptDayTimes[] }) => void; reject: (error: Error) => void } | null };

/** The hall days a job reads: its period, or for a monthly workbook the month and the one before. */
function daysOf(job: ReportJob): { from: string; to: string } {
  if (job.kind !== 'workbook') return { from: job.from, to: job.to };
  if (job.request.kind === 'daily') return { from: job.request.day, to: job.request.day };
  return { from: monthDays(previousMonth(job.request.month)).from, to: monthDays(job.request.month).to };
}

const describeJob = (job: ReportJob): string => (job.kind === 'workbook' ? `workbook ${JSON.stringify(job.request)}` : `${job.kind} ${job.from}..${job.to}`);

/**
 * Reports computed in worker threads, each with its own connection to the hall's database
 * file (WAL: their reads never hold up the hall's writes). Up to `size` workers (two on
 * most hall PCs: a monthly report's two months side by side), started on first use and kept
 * for the next report; jobs beyond them wait their turn. A worker that dies fails only its
 * own report and is replaced at the next one.
 *
 * The workers only read. The closed days' times a report computes come back with it and
 * `writer`, the hall's own connection, keeps them (day-times.ts), each only if nothing changed
 * the day since before the worker read it (markPendingDayTimes). Without a writer nothing is kept.
 */
export function createReportWorkers(options: { databaseFile: string; writer?: Db; size?: number; logger?: Logger; keepEveryMs?: number }): ReportWorkers {
  const { writer } = options;
  // Before the worker reads: the period's closed days not kept yet, marked so a change to one meanwhile is seen.
  const markClosedDays = (job: ReportJob, now: Date): void => {
    if (!writer) return;
    const { from, to } = daysOf(job);
    const lastClosed = addDays(hallDay(now, hallTimeZone(writer)), -1);
    // Which are kept already, read without their samples: this runs on the hall's event loop.
    const usable = new Set(
      keptDayShapes(writer, from, to)
        .filter((k) => keptGroups(k.groupsJson, k.sampleBytes))
        .map((k) => k.day),
    );
    const days: string[] = [];
    for (let day = from; day <= to && day <= lastClosed; day = addDays(day, 1)) if (!usable.has(day)) days.push(day);
    if (days.length > 0) inTransaction(writer, () => markPendingDayTimes(writer, days, now.toISOString()));
  };
  // One day a second (keepEveryMs), after the answer: a month's days written at once (each day's
  // samples a few hundred kB) held the hall's loop for 100-200 ms, and one a turn still made a
  // burst of WAL writes that stalled the writer's commits on a busy disk (bench hall.busy).
  // Kept days only spare later reports some reading: one not kept before the hall stops is
  // computed again next time.
  const keepEveryMs = options.keepEveryMs ?? 1000;
  const later = (next: () => void): void => {
    if (keepEveryMs === 0) setImmediate(next);
    else setTimeout(next, keepEveryMs).unref();
  };
  const keep = (kept: readonly KeptDayTimes[]): void => {
    const [day, ...rest] = kept;
    if (!writer || !day || closed) return;
    later(() => {
      if (closed) return;
      try {
        inTransaction(writer, () => storePendingDayTimes(writer, day));
      } catch (error) {
        // Kept days only spare the next report some reading: the answer itself stands.
        options.logger?.error({ err: error, day: day.day }, 'could not keep a report day');
      }
      keep(rest);
    });
  };
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
        if (reply.ok) {
          keep(reply.kept);
          current.resolve(reply);
        } else current.reject(new Error(`report ${describeJob(current.job)} failed: ${reply.message}`));
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
    try {
      markClosedDays(job, new Date(job.nowIso));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<Done>((resolve, reject) => {
      waiting.push({ job, resolve, reject });
      // The marks commit with the hall's batch of this turn, at setImmediate (db/group-commit.ts):
      // the worker must read after them, or a change batched before them would go unseen.
      if (writer) setImmediate(dispatch);
      else dispatch();
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
