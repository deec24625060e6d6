import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Db, inTransaction } from '../../db/connection.ts';
import { type KeptDayTimes, keptDayShapes, markPendingDayTimes, storePendingDayTimes } from '../../db/report-day-times.ts';
import { addDays } from '../core/intake/calendar-day.ts';
import type { Logger } from '../core/logger.ts';
import { hallDay } from '../core/queue/hall-time.ts';
import { keptGroups } from '../core/reports/day-times.ts';
import { hallTimeZone } from '../core/queue/settings.ts';
import type { ReportPort } from '../core/reports/report-port.ts';
import type { Report } from '../core/reports/schemas.ts';

export type ReportJob = { id: number; from: string; to: string; nowIso: string };
export type ReportReply = { id: number; ok: true; report: Report; kept: KeptDayTimes[] } | { id: number; ok: false; message: string };

export type ReportWorkers = ReportPort & {
  /** Ends the workers; reports still running are refused. */
  close: () => Promise<void>;
};

// The worker's own extension: .ts when run from source, .js once compiled for Electron.
const workerUrl = new URL(`./report-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

type Slot = { worker: Worker; job: { job: ReportJob; resolve: (report: Report) => void; reject: (error: Error) => void } | null };

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
export function createReportWorkers(options: { databaseFile: string; writer?: Db; size?: number; logger?: Logger }): ReportWorkers {
  const { writer } = options;
  // Before the worker reads: the closed days of the period, marked so a change to one meanwhile is seen.
  const markClosedDays = (from: string, to: string, now: Date): void => {
    if (!writer) return;
    const lastClosed = addDays(hallDay(now, hallTimeZone(writer)), -1);
    // Which are kept already, read without their samples: this runs on the hall's event loop.
    const usable = new Set(keptDayShapes(writer, from, to).filter((k) => keptGroups(k.groupsJson, k.sampleBytes)).map((k) => k.day));
    const days: string[] = [];
    for (let day = from; day <= to && day <= lastClosed; day = addDays(day, 1)) if (!usable.has(day)) days.push(day);
    if (days.length > 0) inTransaction(writer, () => markPendingDayTimes(writer, days, now.toISOString()));
  };
  const keep = (kept: readonly KeptDayTimes[]): void => {
    if (!writer || kept.length === 0) return;
    try {
      inTransaction(writer, () => kept.forEach((day) => storePendingDayTimes(writer, day)));
    } catch (error) {
      // Kept days only spare the next report some reading: the report itself stands.
      options.logger?.error({ err: error }, 'could not keep the report days');
    }
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
          current.resolve(reply.report);
        }
        else current.reject(new Error(`report ${current.job.from}..${current.job.to} failed: ${reply.message}`));
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

  return {
    build(from, to, now) {
      if (closed) return Promise.reject(new Error('report workers are closed'));
      try {
        markClosedDays(from, to, now);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return new Promise<Report>((resolve, reject) => {
        waiting.push({ job: { id: nextId++, from, to, nowIso: now.toISOString() }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const pending of waiting.splice(0)) pending.reject(new Error('report workers are closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
