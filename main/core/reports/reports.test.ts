import ExcelJS from 'exceljs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertStaff, type StaffRole } from '../../../db/staff.ts';
import { setSetting } from '../../../db/settings.ts';
import { at, HALL_DAY, hallDayAnswers, openCountersOnHallDay, seedHallDay } from '../../../test/fixtures/hall-day.ts';
import { hashPassword } from '../auth/password.ts';
import { openStaffSession } from '../auth/sessions.ts';
import { addDays } from '../../../common/calendar-day.ts';
import { openTestHall, type TestHall, unwrap } from '../testing.ts';
import type { Report } from './schemas.ts';

let passwordHash: string;
let hall: TestHall;
let manager: string;
let clerk: string;
let seeded: ReturnType<typeof seedHallDay>;

beforeAll(async () => {
  passwordHash = await hashPassword('Passw0rd-test');
});

beforeEach(() => {
  hall = openTestHall({ sessionPolicy: { staffIdleMinutes: 90 * 24 * 60, staffMaxHours: 100_000, deviceDays: 365 } });
  // Three days after the seeded day: B003's bad rating has been rectified, B002's has not.
  hall.setTime(at(addDays(HALL_DAY, 3), '10:00'));
  setSetting(hall.db, 'hall.name', '测试大厅');
  const account = (workNo: string, roles: StaffRole[]) => {
    const staff = insertStaff(hall.db, { workNo, name: `Staff ${workNo}`, passwordHash, roles, now: hall.now().toISOString() });
    return openStaffSession(hall.db, hall.core.deps.clock, hall.core.deps.sessionPolicy, staff.id).token;
  };
  manager = account('M001', ['manager']);
  clerk = account('K001', ['clerk']);
  seeded = seedHallDay(hall.db);
});

afterEach(() => hall.close());

const daily = async (day = HALL_DAY): Promise<Report> => unwrap(await hall.core.send('reports/daily', { day }, manager));
const byLabel = <T extends { label: string }>(rows: readonly T[]) => Object.fromEntries(rows.map((r) => [r.label, r]));
const times = (rows: readonly { label: string; wait: unknown; service: unknown }[]) =>
  Object.fromEntries(rows.map((r) => [r.label, { wait: r.wait, service: r.service }]));

describe('the daily report of the seeded hall day', () => {
  it('counts tickets issued, served and no-show per category, and per hour', async () => {
    const r = await daily();
    const cat = Object.fromEntries(r.queue.byCategory.map((c) => [c.prefix, { issued: c.issued, served: c.served, noShow: c.noShow, unserved: c.unserved }]));
    expect(cat).toEqual({ A: hallDayAnswers.tickets.A, B: hallDayAnswers.tickets.B, C: hallDayAnswers.tickets.C });
    expect(r.queue.total).toEqual(hallDayAnswers.tickets.total);
    expect(r.queue.hours).toEqual(hallDayAnswers.hours);
    expect(r.hallName).toBe('测试大厅');
  });

  it('gives average and 90th-percentile wait and service per counter, clerk and utility', async () => {
    const r = await daily();
    expect({ wait: r.queue.times.overall.wait, service: r.queue.times.overall.service }).toEqual(hallDayAnswers.overall);
    // Counter 4 only worked the day before: it must not appear.
    expect(times(r.queue.times.byCounter)).toEqual(hallDayAnswers.byCounter);
    expect(times(r.queue.times.byClerk)).toEqual(hallDayAnswers.byClerk);
    expect(Object.fromEntries(r.queue.times.byUtility.map((u) => [u.key, { wait: u.wait, service: u.service }]))).toEqual(hallDayAnswers.byUtility);
    expect(r.queue.times.byUtility.map((u) => u.names?.zh)).toEqual(['供水', '供电', '燃气', '通信']);
  });

  it('counts applications, businesses, deferred materials and fees per utility', async () => {
    const r = await daily();
    expect(r.intake.applications).toBe(hallDayAnswers.applications);
    expect(Object.fromEntries(r.intake.byUtility.map((u) => [u.utility, { applications: u.applications, matters: u.matters }]))).toEqual(
      hallDayAnswers.applicationsByUtility,
    );
    expect(Object.fromEntries(r.intake.byBusiness.map((b) => [b.businessCode, b.matters]))).toEqual(hallDayAnswers.mattersByBusiness);
    expect(r.intake.byBusiness.find((b) => b.businessCode === 'gasNewConnection')).toMatchObject({
      kind: 'newConnection',
      matters: 2,
      names: { zh: '燃气报装（标准制式项目）' },
    });
    expect(r.intake.deferred).toEqual(hallDayAnswers.deferred);
    expect(Object.fromEntries(r.intake.fees.byUtility.map((f) => [f.utility, f.amountFen]))).toEqual(hallDayAnswers.feesFen);
    expect(r.intake.fees.totalFen).toBe(hallDayAnswers.feesTotalFen);
  });

  it('gives ratings per level, completion per clerk against the 90% line, and each bad rating with its rectification', async () => {
    const r = await daily();
    const ratings = r.ratings;
    if (!ratings) throw new Error('ratings section missing');
    expect(ratings.byLevel.map((l) => l.count)).toEqual(hallDayAnswers.ratings.byLevel);
    expect(ratings.total).toMatchObject({ served: 9, rated: 8, unrated: 1 });
    expect(ratings.total.completionRate).toBeCloseTo(hallDayAnswers.ratings.completionRate, 10);
    expect(ratings.total.goodRate).toBeCloseTo(hallDayAnswers.ratings.goodRate, 10);
    expect(ratings.target).toBe(0.9);
    const clerks = byLabel(ratings.byClerk);
    for (const [label, want] of Object.entries(hallDayAnswers.ratings.byClerk)) expect(clerks[label]).toMatchObject(want);
    expect(ratings.bad.map((b) => ({ level: b.level, clerk: b.clerk, rectification: b.rectification }))).toEqual(hallDayAnswers.ratings.bad);
  });

  it('shows the night sync per utility and what still waits', async () => {
    const r = await daily();
    const sync = r.sync;
    if (!sync) throw new Error('sync section missing');
    expect(
      Object.fromEntries(
        sync.utilities.map((u) => [u.utility, { runs: u.runs, succeeded: u.succeeded, failed: u.failed, sent: u.sent, accepted: u.accepted }]),
      ),
    ).toEqual({
      water: hallDayAnswers.sync.water,
      gas: hallDayAnswers.sync.gas,
    });
    expect(sync.utilities.find((u) => u.utility === 'gas')?.lastError).toBe('connect ETIMEDOUT');
    expect(sync.pendingNow).toBe(hallDayAnswers.sync.pendingNow);
  });

  it('puts the headline figures in its summary', async () => {
    const r = await daily();
    expect(r.summary).toMatchObject({
      ticketsIssued: 12,
      ticketsServed: 9,
      ticketsNoShow: 2,
      waitAvgMin: 7.3,
      waitP90Min: 18,
      serviceAvgMin: 9.1,
      serviceP90Min: 20,
      applications: 7,
      matters: hallDayAnswers.matters,
      feesYuan: hallDayAnswers.feesYuan,
      badRatings: 2,
      badRectified: 1,
      syncFailedRuns: 1,
    });
  });

  it('is reproducible: the same day gives the same figures later, and other days are untouched by it', async () => {
    const first = await daily();
    hall.setTime(at(addDays(HALL_DAY, 40), '10:00'));
    const again = await daily();
    expect({ ...again, generatedAt: '', ratings: null }).toEqual({ ...first, generatedAt: '', ratings: null });
    const before = await daily(addDays(HALL_DAY, -1));
    expect(before.queue.total).toEqual({ issued: 1, served: 1, noShow: 0, unserved: 0 });
    expect(before.queue.times.byCounter.map((c) => c.label)).toEqual(['4号窗口']);
    expect(before.intake.applications).toBe(0);
  });

  it("keeps a closed day's times from its first report, and a later change to the day's tickets shows in the next", async () => {
    const keptDays = () => (hall.db.prepare('SELECT day FROM report_day_times ORDER BY day').all() as { day: string }[]).map((r) => r.day);
    const first = await daily();
    expect(keptDays()).toEqual([HALL_DAY]);
    // Today is still changing: computed each time, never kept.
    await daily(addDays(HALL_DAY, 3));
    expect(keptDays()).toEqual([HALL_DAY]);
    // The kept times give the same figures as the tickets did.
    expect((await daily()).queue.times).toEqual(first.queue.times);

    // A served ticket finished ten minutes later than recorded (a correction): 4,920 s + 600 s of service over 9 tickets.
    const ticket = hall.db.prepare(`SELECT id, finished_at AS finishedAt FROM tickets WHERE day = ? AND status = 'done' ORDER BY id LIMIT 1`).get(HALL_DAY) as {
      id: number;
      finishedAt: string;
    };
    hall.db.prepare('UPDATE tickets SET finished_at = ? WHERE id = ?').run(new Date(Date.parse(ticket.finishedAt) + 600_000).toISOString(), ticket.id);
    expect(keptDays()).toEqual([]);
    const corrected = await daily();
    expect(first.queue.times.overall.service.avgSec).toBe(hallDayAnswers.overall.service.avgSec);
    expect(corrected.queue.times.overall.service.avgSec).toBe(613.3);
    expect(keptDays()).toEqual([HALL_DAY]);
  });
});

describe('the ledgers in the daily report', () => {
  it('counts complaints received, closed and cleared the same day, and follow-ups open and done', async () => {
    const r = await daily();
    expect(r.complaints).toEqual(hallDayAnswers.complaints);
    expect(r.followUps).toEqual(hallDayAnswers.followUps);
    expect(r.summary).toMatchObject({ complaintsOpened: 2, complaintsClosed: 2, followUpsDue: 1, followUpsDone: 1 });
  });
});

describe('the monthly report', () => {
  it('sums the month and shows the previous month beside it', async () => {
    const m = unwrap(await hall.core.send('reports/monthly', { month: HALL_DAY.slice(0, 7) }, manager));
    expect(m.previousMonth).toBe('2026-10');
    expect(m.current.from).toBe('2026-11-01');
    expect(m.current.to).toBe('2026-11-30');
    // The day before's ticket is in November too; its application-less, fee-less day adds only the ticket.
    expect(m.current.queue.total).toEqual({ issued: 13, served: 10, noShow: 2, unserved: 1 });
    expect(m.current.intake.applications).toBe(10);
    expect(m.current.intake.fees.totalFen).toBe(hallDayAnswers.feesTotalFen + 50000);
    expect(m.current.queue.days.map((d) => [d.day, d.issued])).toEqual([
      ['2026-11-19', 1],
      ['2026-11-20', 12],
    ]);
    // Beside it, only what the screen shows of the previous month: its headline figures.
    expect(m.previous).toEqual({ from: '2026-10-01', to: '2026-10-31', summary: expect.objectContaining({ ticketsIssued: 0 }) });
  });
});

describe('transferred tickets', () => {
  it('count as issued in the category of their number and as transferred in where they were served', async () => {
    const today = addDays(HALL_DAY, 3);
    const categories = new Map(unwrap(await hall.core.send('queue/overview', {}, clerk)).categories.map((c) => [c.prefix, c.id]));
    const counters = unwrap(await hall.core.send('queue/overview', {}, clerk)).counters;
    const [first, second] = counters;
    if (!first || !second) throw new Error('two counters needed');
    const a = categories.get('A') ?? 0;
    const b = categories.get('B') ?? 0;
    const issued = unwrap(await hall.core.send('queue/issue', { categoryId: a }, clerk));
    unwrap(await hall.core.send('queue/openCounter', { counterId: first.id }, clerk));
    unwrap(await hall.core.send('queue/callNext', { counterId: first.id }, clerk));
    // The customer came for a transfer of ownership: B's business. Same number, B's queue.
    unwrap(await hall.core.send('queue/transfer', { counterId: first.id, ticketId: issued.id, toCategoryId: b }, clerk));
    unwrap(await hall.core.send('queue/closeCounter', { counterId: first.id }, clerk));
    unwrap(await hall.core.send('queue/openCounter', { counterId: second.id }, clerk));
    const called = unwrap(await hall.core.send('queue/callNext', { counterId: second.id }, clerk));
    expect(called?.number).toBe(issued.number);
    unwrap(await hall.core.send('queue/finish', { counterId: second.id, ticketId: issued.id }, clerk));

    const report = await daily(today);
    const row = (prefix: string) => report.queue.byCategory.find((c) => c.prefix === prefix);
    expect(row('A')).toMatchObject({ issued: 1, transferredIn: 0, transferredOut: 1, served: 0, noShow: 0, unserved: 0 });
    expect(row('B')).toMatchObject({ issued: 0, transferredIn: 1, transferredOut: 0, served: 1, noShow: 0, unserved: 0 });
    expect(report.queue.total).toEqual({ issued: 1, served: 1, noShow: 0, unserved: 0 });
  });
});

describe('the live hall', () => {
  it('shows waiting, counters, calls per hour, ratings and alerts on the seeded day', async () => {
    openCountersOnHallDay(hall.db, seeded.staffIds);
    hall.setTime(at(HALL_DAY, '11:20'));
    const live = unwrap(await hall.core.send('reports/liveHall', {}, manager));
    expect(live.day).toBe(HALL_DAY);
    expect(live.categories.find((c) => c.prefix === 'A')).toMatchObject({ waiting: 1, longestWaitMinutes: 20, overThreshold: 1 });
    expect(live.waitingTotal).toBe(1);
    expect(live.counters).toMatchObject({ open: 3, paused: 0, closed: 1, serving: 0 });
    expect(live.callsPerHour).toEqual([
      { hour: 9, calls: 8 },
      { hour: 10, calls: 3 },
    ]);
    expect(live.ratingsToday.byLevel.map((l) => l.count)).toEqual(hallDayAnswers.ratings.byLevel);
    const alerts = Object.fromEntries(live.alerts.map((a) => [a.kind, a]));
    expect(alerts.longWait).toMatchObject({ count: 1, items: ['A'] });
    // The data change of five days before was due yesterday; its deferred proof too.
    expect(alerts.workOrderOverdue?.count).toBe(1);
    expect(alerts.deferredOverdue?.count).toBe(1);
    expect(alerts.badRatingWithoutTask).toMatchObject({ count: 1, items: [`#${seeded.ratingIds.get('B002')}`] });
    expect(alerts.deviceOffline).toBeUndefined();
    expect(alerts.syncFailed).toMatchObject({ count: 1, items: ['gas'] });
    // From 1 November the next year's holidays are expected; chinese-days 1.5.7 ships none for 2027.
    expect(alerts.calendarMissing).toMatchObject({ count: 1, items: ['2027'] });
  });

  it('warns of a missing holiday arrangement from 1 November, in the live hall and the daily report, until it is imported', async () => {
    hall.setTime(at('2026-10-31', '10:00'));
    const october = unwrap(await hall.core.send('reports/liveHall', {}, manager));
    expect(october.alerts.some((a) => a.kind === 'calendarMissing')).toBe(false);
    expect((await daily('2026-10-30')).calendarMissingYears).toEqual([]);

    hall.setTime(at('2026-11-01', '09:00'));
    const november = unwrap(await hall.core.send('reports/liveHall', {}, manager));
    expect(november.alerts.find((a) => a.kind === 'calendarMissing')).toEqual({ kind: 'calendarMissing', count: 1, items: ['2027'] });
    expect((await daily('2026-10-31')).calendarMissingYears).toEqual([2027]);

    const file = JSON.stringify({ year: 2027, holidays: ['2027-01-01'], workdays: [] });
    unwrap(await hall.core.send('calendar/importYear', { file }, manager));
    expect(unwrap(await hall.core.send('reports/liveHall', {}, manager)).alerts.some((a) => a.kind === 'calendarMissing')).toBe(false);
    expect((await daily('2026-10-31')).calendarMissingYears).toEqual([]);
  });

  it('raises the wait alert only above the threshold', async () => {
    hall.setTime(at(HALL_DAY, '11:20'));
    const relaxed = unwrap(await hall.core.send('reports/liveHall', { waitThresholdMinutes: 30 }, manager));
    expect(relaxed.alerts.find((a) => a.kind === 'longWait')).toBeUndefined();
    expect(relaxed.categories.find((c) => c.prefix === 'A')?.overThreshold).toBe(0);
  });
});

describe('the Excel export', () => {
  it('parses back with the report numbers, in the labels the caller sent', async () => {
    const file = unwrap(
      await hall.core.send(
        'reports/dailyExcel',
        { day: HALL_DAY, labels: { 'excel.sheet.summary': '概要', 'summary.ticketsIssued': '取号数', 'excel.sheet.fees': '收费' } },
        manager,
      ),
    );
    expect(file.fileName).toBe(`daily-report-${HALL_DAY}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const summary = book.getWorksheet('概要');
    const rows = new Map<string, unknown>();
    summary?.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('取号数')).toBe(12);
    expect(rows.get('summary.waitP90Min')).toBe(18);
    expect(rows.get('summary.feesYuan')).toBe(745);
    const fees = book.getWorksheet('收费');
    const gas = fees?.getRows(1, 10)?.find((r) => r.getCell(1).value === '燃气');
    expect(gas?.getCell(2).value).toBe(456);
  });

  it('names its sheets as Excel allows, whatever labels a manager gave them', async () => {
    const labels = { 'excel.sheet.summary': '概要/汇总: [日报]?*', 'excel.sheet.fees': '收费'.repeat(20), 'excel.sheet.intake': '收费'.repeat(20) };
    const file = await hall.core.send('reports/dailyExcel', { day: HALL_DAY, labels }, manager);
    expect(file.ok).toBe(true);
    const book = new ExcelJS.Workbook();
    if (file.ok) await book.xlsx.load(Buffer.from(file.value.base64, 'base64') as unknown as ExcelJS.Buffer);
    const names = book.worksheets.map((ws) => ws.name);
    expect(names).toContain('概要_汇总_ _日报___');
    expect(names.every((n) => n.length <= 31 && !/[\\/?*:[\]]/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the monthly Excel export', () => {
  it('puts the month beside the previous one on its summary sheet', async () => {
    const file = unwrap(
      await hall.core.send('reports/monthlyExcel', { month: '2026-11', labels: { 'excel.sheet.summary': '概要', 'summary.ticketsIssued': '取号数' } }, manager),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    book.getWorksheet('概要')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['excel.col.figure', '2026-11', '2026-10']);
    expect(rows.find((r) => r[0] === '取号数')).toEqual(['取号数', 13, 0]);
    expect(book.worksheets.length).toBe(13);
  });
});

describe('who may see reports', () => {
  it('refuses a clerk every report method', async () => {
    for (const call of [
      hall.core.send('reports/daily', { day: HALL_DAY }, clerk),
      hall.core.send('reports/monthly', { month: '2026-11' }, clerk),
      hall.core.send('reports/liveHall', {}, clerk),
      hall.core.send('reports/dailyExcel', { day: HALL_DAY }, clerk),
      hall.core.send('reports/monthlyExcel', { month: '2026-11' }, clerk),
    ]) {
      const result = await call;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
  });

  it('refuses a malformed day with a translated field error', async () => {
    const result = await hall.core.send('reports/daily', { day: '2026-02-30' }, manager);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.fields?.[0]?.key).toBe('field.dayFormat');
  });
});
