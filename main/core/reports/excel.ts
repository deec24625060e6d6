import ExcelJS from 'exceljs';
import type { MonthlyReports, Report, TimeRow } from './schemas.ts';
import { minutes, yuan } from './summary.ts';
import { summaryKeys } from '../../../common/summary-keys.ts';

/**
 * The report as an Excel workbook (.xlsx), built on the hall server. The words come from the
 * caller (the renderer sends its reports:excel and reports:summary strings in the user's
 * language), so every label stays in the locale files; a missing one shows its key.
 * Numbers are cells of numbers (minutes, yuan, percentages), never text, so a manager can
 * sum and chart them.
 */
export type ExcelOptions = { lang: 'zh-CN' | 'en-US'; labels: Record<string, string> };

type Sheet = ExcelJS.Worksheet;

function words(options: ExcelOptions) {
  const t = (key: string) => options.labels[key] ?? key;
  const name = (n: { zh: string; en: string } | null, fallback: string) => (n ? (options.lang === 'en-US' && n.en.trim() ? n.en : n.zh) : fallback);
  return { t, name };
}

/**
 * A worksheet under a name Excel accepts: labels come from the screen's locale (a manager may
 * have changed them), and Excel refuses / \\ ? * : [ ] and more than 31 characters in a name —
 * ExcelJS throws on them. Two names cut to the same 31 characters get a number.
 */
export function addSheet(book: ExcelJS.Workbook, name: string): Sheet {
  const base =
    name
      .replace(/[\\/?*:[\]]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; book.getWorksheet(candidate); n += 1) candidate = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  return book.addWorksheet(candidate);
}

function header(sheet: Sheet, cells: string[]): void {
  const row = sheet.addRow(cells);
  row.font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = Math.max(c.width ?? 10, i === 0 ? 22 : 12);
  });
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

function addSummary(sheet: Sheet, w: ReturnType<typeof words>, reports: { title: string; report: Report }[]): void {
  header(sheet, [w.t('excel.col.figure'), ...reports.map((r) => r.title)]);
  for (const key of summaryKeys) {
    const isRate = key === 'completionRate' || key === 'goodRate';
    sheet.addRow([w.t(`summary.${key}`), ...reports.map((r) => (isRate ? pct(r.report.summary[key]) : r.report.summary[key]))]);
  }
}

function addTickets(sheet: Sheet, w: ReturnType<typeof words>, r: Report): void {
  header(sheet, [
    w.t('excel.col.category'),
    w.t('excel.col.issued'),
    w.t('excel.col.transferredIn'),
    w.t('excel.col.transferredOut'),
    w.t('excel.col.served'),
    w.t('excel.col.noShow'),
    w.t('excel.col.unserved'),
  ]);
  for (const c of r.queue.byCategory)
    sheet.addRow([`${c.prefix} ${w.name(c.names, '')}`, c.issued, c.transferredIn, c.transferredOut, c.served, c.noShow, c.unserved]);
  const t = r.queue.total;
  sheet.addRow([w.t('excel.col.total'), t.issued, null, null, t.served, t.noShow, t.unserved]).font = { bold: true };
}

function addTimes(sheet: Sheet, w: ReturnType<typeof words>, r: Report): void {
  header(sheet, [
    w.t('excel.col.group'),
    w.t('excel.col.name'),
    w.t('excel.col.served'),
    w.t('excel.col.waitAvg'),
    w.t('excel.col.waitP90'),
    w.t('excel.col.serviceAvg'),
    w.t('excel.col.serviceP90'),
  ]);
  const add = (group: string, row: TimeRow) =>
    sheet.addRow([
      group,
      w.name(row.names, row.label),
      row.service.count,
      minutes(row.wait.avgSec),
      minutes(row.wait.p90Sec),
      minutes(row.service.avgSec),
      minutes(row.service.p90Sec),
    ]);
  add(w.t('excel.group.hall'), { ...r.queue.times.overall, label: w.t('excel.col.total') });
  for (const row of r.queue.times.byCounter) add(w.t('excel.group.counter'), row);
  for (const row of r.queue.times.byClerk) add(w.t('excel.group.clerk'), row);
  for (const row of r.queue.times.byUtility) add(w.t('excel.group.utility'), row);
}

function addIntake(sheet: Sheet, w: ReturnType<typeof words>, r: Report): void {
  header(sheet, [w.t('excel.col.utility'), w.t('excel.col.business'), w.t('excel.col.applications'), w.t('excel.col.matters')]);
  for (const u of r.intake.byUtility) sheet.addRow([w.name(u.names, u.utility), w.t('excel.col.total'), u.applications, u.matters]).font = { bold: true };
  // A business is asked once per application: its applications are its cases.
  for (const b of r.intake.byBusiness)
    sheet.addRow([
      w.name(r.intake.byUtility.find((u) => u.utility === b.utility)?.names ?? null, b.utility),
      w.name(b.names, b.businessCode),
      b.matters,
      b.matters,
    ]);
  sheet.addRow([]);
  header(sheet, [w.t('excel.col.deferred'), w.t('excel.col.count')]);
  const d = r.intake.deferred;
  sheet.addRow([w.t('excel.deferred.due'), d.due]);
  sheet.addRow([w.t('excel.deferred.dueSupplied'), d.dueSupplied]);
  sheet.addRow([w.t('excel.deferred.overdueEarlier'), d.overdueEarlier]);
  sheet.addRow([w.t('excel.deferred.suppliedInPeriod'), d.suppliedInPeriod]);
}

function addFees(sheet: Sheet, w: ReturnType<typeof words>, r: Report): void {
  header(sheet, [w.t('excel.col.utility'), w.t('excel.col.amountYuan'), w.t('excel.col.lines'), w.t('excel.col.applications')]);
  for (const f of r.intake.fees.byUtility) sheet.addRow([w.name(f.names, f.utility), yuan(f.amountFen), f.lines, f.applications]);
  sheet.addRow([w.t('excel.col.total'), yuan(r.intake.fees.totalFen)]).font = { bold: true };
  sheet.getColumn(2).numFmt = '#,##0.00';
}

function addRatings(sheet: Sheet, w: ReturnType<typeof words>, r: Report): void {
  const ratings = r.ratings;
  if (!ratings) {
    sheet.addRow([w.t('excel.notAvailable')]);
    return;
  }
  header(sheet, [w.t('excel.col.level'), w.t('excel.col.count')]);
  for (const l of ratings.byLevel) sheet.addRow([w.t(`excel.level.${l.level}`), l.count]);
  sheet.addRow([]);
  header(sheet, [w.t('excel.col.clerk'), w.t('excel.col.served'), w.t('excel.col.rated'), w.t('excel.col.completionPct'), w.t('excel.col.meetsTarget')]);
  for (const c of ratings.byClerk) sheet.addRow([c.label, c.served, c.rated, pct(c.completionRate), c.meetsTarget === null ? '' : c.meetsTarget ? '✓' : '✗']);
  sheet.addRow([]);
  header(sheet, [
    w.t('excel.col.ratingId'),
    w.t('excel.col.day'),
    w.t('excel.col.level'),
    w.t('excel.col.counter'),
    w.t('excel.col.clerk'),
    w.t('excel.col.rectification'),
    w.t('excel.col.dueDay'),
  ]);
  for (const b of ratings.bad) sheet.addRow([b.ratingId, b.day, b.level, b.counter, b.clerk, w.t(`excel.rectification.${b.rectification}`), b.dueDay ?? '']);
}

function addLedgersAndSync(sheet: Sheet, w: ReturnType<typeof words>, r: Report): void {
  header(sheet, [w.t('excel.col.figure'), w.t('excel.col.count')]);
  const c = r.complaints;
  const f = r.followUps;
  if (c) {
    sheet.addRow([w.t('summary.complaintsOpened'), c.opened]);
    sheet.addRow([w.t('summary.complaintsClosed'), c.closed]);
    sheet.addRow([w.t('excel.complaints.sameDayCleared'), c.sameDayCleared]);
    sheet.addRow([w.t('excel.complaints.closedOverdue'), c.closedOverdue]);
    sheet.addRow([w.t('excel.complaints.openOverdue'), c.openOverdue]);
  } else sheet.addRow([w.t('excel.complaints.title'), w.t('excel.notAvailable')]);
  if (f) {
    sheet.addRow([w.t('summary.followUpsDue'), f.open]);
    sheet.addRow([w.t('summary.followUpsDone'), f.done]);
    sheet.addRow([w.t('excel.followUps.unreachable'), f.unreachable]);
    sheet.addRow([w.t('excel.followUps.problemsFound'), f.problemsFound]);
    sheet.addRow([w.t('excel.followUps.problemsClosed'), f.problemsClosed]);
    sheet.addRow([w.t('excel.followUps.problemsOpenOverdue'), f.problemsOpenOverdue]);
  } else sheet.addRow([w.t('excel.followUps.title'), w.t('excel.notAvailable')]);
  sheet.addRow([]);
  const s = r.sync;
  if (!s) return;
  header(sheet, [
    w.t('excel.col.utility'),
    w.t('excel.sync.runs'),
    w.t('excel.sync.succeeded'),
    w.t('excel.sync.failed'),
    w.t('excel.sync.sent'),
    w.t('excel.sync.accepted'),
    w.t('excel.sync.rejected'),
  ]);
  for (const u of s.utilities) sheet.addRow([w.name(u.names, u.utility), u.runs, u.succeeded, u.failed, u.sent, u.accepted, u.rejected]);
  sheet.addRow([w.t('excel.sync.pendingNow'), s.pendingNow]);
  sheet.addRow([w.t('excel.sync.rejectedNow'), s.rejectedNow]);
}

function addDetailSheets(book: ExcelJS.Workbook, w: ReturnType<typeof words>, r: Report, suffix = ''): void {
  addTickets(addSheet(book, w.t('excel.sheet.tickets') + suffix), w, r);
  addTimes(addSheet(book, w.t('excel.sheet.times') + suffix), w, r);
  addIntake(addSheet(book, w.t('excel.sheet.intake') + suffix), w, r);
  addFees(addSheet(book, w.t('excel.sheet.fees') + suffix), w, r);
  addRatings(addSheet(book, w.t('excel.sheet.ratings') + suffix), w, r);
  addLedgersAndSync(addSheet(book, w.t('excel.sheet.ledgers') + suffix), w, r);
}

async function toBase64(book: ExcelJS.Workbook): Promise<string> {
  const buffer = await book.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}

function newBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'OneWindow';
  return book;
}

export async function dailyWorkbook(report: Report, options: ExcelOptions): Promise<string> {
  const w = words(options);
  const book = newBook();
  addSummary(addSheet(book, w.t('excel.sheet.summary')), w, [{ title: report.from, report }]);
  addDetailSheets(book, w, report);
  return toBase64(book);
}

/** The month beside the previous one on the summary sheet; details of both, the previous month's sheets marked. */
export async function monthlyWorkbook(report: MonthlyReports, options: ExcelOptions): Promise<string> {
  const w = words(options);
  const book = newBook();
  addSummary(addSheet(book, w.t('excel.sheet.summary')), w, [
    { title: report.month, report: report.current },
    { title: report.previousMonth, report: report.previous },
  ]);
  addDetailSheets(book, w, report.current);
  addDetailSheets(book, w, report.previous, ` (${report.previousMonth})`);
  return toBase64(book);
}
