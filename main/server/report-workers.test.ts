import fs from 'node:fs';
import ExcelJS from 'exceljs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, HALL_DAY, hallDayAnswers, seedHallDay } from '../../test/fixtures/hall-day.ts';
import { addDays } from '../../common/calendar-day.ts';
import { inProcessReports } from '../core/reports/report-port.ts';
import { openTestHall, type TestHall } from '../core/testing.ts';
import { inTransaction } from '../../db/connection.ts';
import { enableGroupCommit } from '../../db/group-commit.ts';
import { createReportWorkers, type ReportWorkers } from './report-workers.ts';

// Real worker threads on the test hall's real SQLite file: the same threads the hall server runs reports in.
let hall: TestHall;
let workers: ReportWorkers | undefined;
const now = new Date(at(addDays(HALL_DAY, 3), '10:00'));

beforeEach(() => {
  hall = openTestHall();
  seedHallDay(hall.db);
});

afterEach(async () => {
  await workers?.close();
  workers = undefined;
  hall.close();
});

describe('reports in worker threads', () => {
  it('give the same report as one computed on the hall connection, with the seeded day worked by hand', async () => {
    workers = createReportWorkers({ databaseFile: hall.db.name, size: 2 });
    const inWorker = await workers.build(HALL_DAY, HALL_DAY, now);
    expect(inWorker).toEqual(await inProcessReports(hall.db).build(HALL_DAY, HALL_DAY, now));
    expect(inWorker.queue.total).toEqual(hallDayAnswers.tickets.total);
    expect(inWorker.generatedAt).toBe(now.toISOString());
  });

  it('answer more reports than workers, each with its own period, and see records committed since', async () => {
    workers = createReportWorkers({ databaseFile: hall.db.name, size: 2 });
    const days = [addDays(HALL_DAY, -1), HALL_DAY, addDays(HALL_DAY, 1), HALL_DAY];
    const reports = await Promise.all(days.map((day) => (workers as ReportWorkers).build(day, day, now)));
    expect(reports.map((r) => r.from)).toEqual(days);
    expect(reports).toEqual(await Promise.all(days.map((day) => inProcessReports(hall.db).build(day, day, now))));
    expect(reports[1]?.queue.total.issued).toBe(12);

    // A ticket committed on the hall's connection since is in the workers' next report.
    const next = addDays(HALL_DAY, 1);
    const category = hall.db.prepare(`SELECT id FROM categories WHERE prefix = 'A'`).get() as { id: number };
    hall.db
      .prepare(
        `INSERT INTO tickets (day, category_id, seq, number, status, token, issued_at, queued_at) VALUES (?, ?, 1, 'A001', 'waiting', 'tok-next-day-0123456789', ?, ?)`,
      )
      .run(next, category.id, at(next, '09:00'), at(next, '09:00'));
    expect((await workers.build(next, next, now)).queue.total).toEqual({ issued: 1, served: 0, noShow: 0, unserved: 1 });
  });

  it("leave the closed days they compute to the hall's writer, which keeps only days nothing changed since", async () => {
    // Kept one a turn here; the hall keeps one a second.
    workers = createReportWorkers({ databaseFile: hall.db.name, writer: hall.db, size: 2, keepEveryMs: 0 });
    const before = addDays(HALL_DAY, -1);
    const kept = (day: string) => hall.db.prepare('SELECT groups_json FROM report_day_times WHERE day = ?').pluck().get(day);
    // The writer keeps a day a turn after the answer, one day a turn.
    const turns = async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    };

    // The hall day: read, computed in the worker, kept by the writer as the in-process report keeps it.
    const report = await workers.build(HALL_DAY, HALL_DAY, now);
    await turns();
    expect(kept(HALL_DAY)).toMatch(/^\{"format"/);
    expect(await workers.build(HALL_DAY, HALL_DAY, now)).toEqual(report);

    // A ticket committed while the worker computes the day before: that day's times may miss it, so they are not kept.
    const pending = workers.build(before, before, now);
    const category = hall.db.prepare(`SELECT id FROM categories WHERE prefix = 'A'`).pluck().get();
    hall.db
      .prepare(
        `INSERT INTO tickets (day, category_id, seq, number, status, token, issued_at, queued_at) VALUES (?, ?, 900, 'A900', 'waiting', 'tok-meanwhile-0123456789', ?, ?)`,
      )
      .run(before, category, at(before, '09:00'), at(before, '09:00'));
    await pending;
    await turns();
    expect(kept(before)).toBeUndefined();
    // The next report computes it again, with the ticket, and keeps it.
    const again = await workers.build(before, before, now);
    await turns();
    expect(kept(before)).toMatch(/^\{"format"/);
    expect(again).toEqual(await inProcessReports(hall.db).build(before, before, now));

    // A day kept in another format is computed again and kept anew.
    hall.db.prepare(`UPDATE report_day_times SET groups_json = '{"format":0,"groups":[]}', samples = x'' WHERE day = ?`).run(HALL_DAY);
    expect(await workers.build(HALL_DAY, HALL_DAY, now)).toEqual(report);
    await turns();
    expect(kept(HALL_DAY)).toMatch(/^\{"format":1/);
  });

  it("read after the hall's batched commit: a ticket written in the same turn as the question is in the report", async () => {
    const commits = enableGroupCommit(hall.db);
    try {
      workers = createReportWorkers({ databaseFile: hall.db.name, writer: hall.db, size: 1 });
      const before = addDays(HALL_DAY, -1);
      const issued = (await workers.build(before, before, now)).queue.total.issued;
      const category = hall.db.prepare(`SELECT id FROM categories WHERE prefix = 'A'`).pluck().get();
      // Batched: committed at the end of this turn, with the marks the question writes.
      inTransaction(hall.db, () =>
        hall.db
          .prepare(
            `INSERT INTO tickets (day, category_id, seq, number, status, token, issued_at, queued_at) VALUES (?, ?, 901, 'A901', 'waiting', 'tok-same-turn-0123456789', ?, ?)`,
          )
          .run(before, category, at(before, '09:30'), at(before, '09:30')),
      );
      const report = await workers.build(before, before, now);
      expect(report.queue.total.issued).toBe(issued + 1);
    } finally {
      await commits.close();
    }
  });

  it('send back only the headline figures, or the finished Excel file, when that is what was asked', async () => {
    workers = createReportWorkers({ databaseFile: hall.db.name, size: 2 });
    const inProcess = inProcessReports(hall.db);
    const summary = await workers.summary(HALL_DAY, HALL_DAY, now);
    // The period and figures only: what crosses to the hall's event loop is a few hundred bytes, not the report.
    expect(Object.keys(summary).sort()).toEqual(['from', 'summary', 'to']);
    expect(summary.summary).toEqual((await inProcess.build(HALL_DAY, HALL_DAY, now)).summary);

    const options = { lang: 'zh-CN' as const, labels: { 'excel.sheet.summary': '汇总' } };
    const month = HALL_DAY.slice(0, 7);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await workers.workbook({ kind: 'monthly', month }, options, now), 'base64') as unknown as ExcelJS.Buffer);
    const here = new ExcelJS.Workbook();
    await here.xlsx.load(Buffer.from(await inProcess.workbook({ kind: 'monthly', month }, options, now), 'base64') as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(here.worksheets.map((w) => w.name));
    const rows = (b: ExcelJS.Workbook) => b.worksheets.map((w) => w.getSheetValues().map((r) => JSON.stringify(r)));
    expect(rows(book)).toEqual(rows(here));
    expect(book.getWorksheet('汇总')?.getRow(1).getCell(2).value).toBe(month);
  });

  it('fail the report, not the hall, when the database cannot be read, and refuse reports once closed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-report-workers-'));
    try {
      const broken = createReportWorkers({ databaseFile: path.join(dir, 'missing.db') });
      await expect(broken.build(HALL_DAY, HALL_DAY, now)).rejects.toThrow(/unable to open|report worker/i);
      await broken.close();
      await expect(broken.build(HALL_DAY, HALL_DAY, now)).rejects.toThrow(/closed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
