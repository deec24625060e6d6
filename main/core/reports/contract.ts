import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { managers } from '../api/roles.ts';
import { isDay } from '../../../common/calendar-day.ts';
import { liveHallSchema } from './live-schema.ts';
import { monthlyReportSchema, reportSchema } from './schemas.ts';

const day = z.string().refine(isDay, { message: 'field.dayFormat' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'field.monthFormat' });
const excelOptions = {
  lang: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  /** The renderer's reports:excel.* and reports:summary.* strings, flattened ("excel.sheet.summary"). */
  labels: z.record(z.string().max(80), z.string().max(200)).default({}),
};
const excelFile = z.object({ fileName: z.string(), base64: z.string() });

export const reportsContract = defineMethods({
  'reports/daily': {
    summary: 'The daily report (日报) of one hall day, computed from the records; any past day.',
    roles: managers,
    input: z.object({ day }),
    output: reportSchema,
  },
  'reports/monthly': {
    summary: 'The monthly report (月报) of a month, with the previous month beside it.',
    roles: managers,
    input: z.object({ month }),
    output: monthlyReportSchema,
  },
  'reports/liveHall': {
    summary: "The hall right now: waiting per category, counters, the day's calls and ratings, alerts.",
    roles: managers,
    input: z.object({ waitThresholdMinutes: z.number().int().min(1).max(240).default(15) }),
    output: liveHallSchema,
  },
  'reports/dailyExcel': {
    summary: 'The daily report as an Excel workbook (.xlsx, base64).',
    roles: managers,
    input: z.object({ day, ...excelOptions }),
    output: excelFile,
  },
  'reports/monthlyExcel': {
    summary: 'The monthly report as an Excel workbook (.xlsx, base64), the previous month beside it.',
    roles: managers,
    input: z.object({ month, ...excelOptions }),
    output: excelFile,
  },
});
