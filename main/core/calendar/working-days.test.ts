import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildCalendar, hallCalendar, importYearArrangement, officialArrangements } from './working-calendar.ts';
import { addWorkingDays, deadlineStatus, isProvisional, isWorkingDay, stageDeadlines, workingDaysBetween } from './working-days.ts';

const calendar = hallCalendar();

describe('the 2026 arrangement shipped by chinese-days', () => {
  it('matches the State Council notice for 2026, day by day', () => {
    const y2026 = officialArrangements().find((a) => a.year === 2026);
    const range = (from: number, to: number, month: string) =>
      Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);
    expect(y2026?.holidays.sort()).toEqual([
      ...range(1, 3, '01'), // 元旦
      ...range(15, 23, '02'), // 春节
      ...range(4, 6, '04'), // 清明
      ...range(1, 5, '05'), // 劳动节
      ...range(19, 21, '06'), // 端午
      ...range(25, 27, '09'), // 中秋
      ...range(1, 7, '10'), // 国庆
    ]);
    expect(y2026?.workdays.sort()).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('counts make-up weekends as working days and holiday weekdays as rest days', () => {
    expect(isWorkingDay('2026-02-14', calendar)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-02-28', calendar)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-09-20', calendar)).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2026-02-23', calendar)).toBe(false); // Monday, 春节
    expect(isWorkingDay('2026-10-07', calendar)).toBe(false); // Wednesday, 国庆
    expect(isWorkingDay('2026-03-07', calendar)).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2026-03-09', calendar)).toBe(true); // an ordinary Monday
  });
});

describe('time limits across the Spring Festival 2026', () => {
  it('does not count the acceptance day, counts Saturday 14 February, skips 15–23 February', () => {
    // Accepted Friday 13 Feb, gas connection (3 working days): Sat 14, Tue 24, Wed 25.
    expect(addWorkingDays('2026-02-13', 3, calendar)).toBe('2026-02-25');
    // Residential power connection (5): Fri 13, Sat 14, Tue 24, Wed 25, Thu 26.
    expect(addWorkingDays('2026-02-12', 5, calendar)).toBe('2026-02-26');
  });

  it('counts the make-up Saturday 28 February at the end of the holiday week', () => {
    expect(addWorkingDays('2026-02-26', 2, calendar)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-26', 3, calendar)).toBe('2026-03-02');
  });

  it('gives an application accepted during the holiday the same due day as one accepted just before it', () => {
    expect(addWorkingDays('2026-02-18', 1, calendar)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-14', 1, calendar)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-18', 0, calendar)).toBe('2026-02-24'); // 即办 on a rest day: the next working day
    expect(addWorkingDays('2026-02-13', 0, calendar)).toBe('2026-02-13');
  });

  it('counts the working days between two dates', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-25', calendar)).toBe(3);
    expect(workingDaysBetween('2026-02-14', '2026-02-23', calendar)).toBe(0);
    expect(workingDaysBetween('2026-02-25', '2026-02-13', calendar)).toBe(-3);
    expect(workingDaysBetween('2026-02-13', '2026-02-13', calendar)).toBe(0);
  });
});

describe('time limits across Mid-Autumn and National Day 2026', () => {
  it('counts Sunday 20 September and Saturday 10 October, skips 25–27 September and 1–7 October', () => {
    // Accepted Wednesday 30 Sep with 3 working days: Thu 8, Fri 9, Sat 10 Oct.
    expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
    // Gas connection with external works (16), accepted Friday 18 Sep.
    expect(addWorkingDays('2026-09-18', 16, calendar)).toBe('2026-10-16');
    expect(workingDaysBetween('2026-09-18', '2026-10-16', calendar)).toBe(16);
  });
});

describe('stage deadlines and warnings', () => {
  const gasConnection = [
    { code: 'application', limitWorkingDays: 1 },
    { code: 'inspectionAndGasOn', limitWorkingDays: 2 },
  ];

  it('dates each stage from the acceptance day, the last one on the work order’s due day', () => {
    expect(stageDeadlines('2026-02-13', gasConnection, calendar)).toEqual([
      { code: 'application', due: '2026-02-14' },
      { code: 'inspectionAndGasOn', due: '2026-02-25' },
    ]);
  });

  it('warns from the working day before the due day, and is overdue the day after it', () => {
    const due = '2026-02-25';
    expect(deadlineStatus('2026-02-13', due, 1, calendar)).toBe('ok');
    expect(deadlineStatus('2026-02-23', due, 1, calendar)).toBe('ok'); // still two working days to go
    expect(deadlineStatus('2026-02-24', due, 1, calendar)).toBe('warning');
    expect(deadlineStatus('2026-02-25', due, 1, calendar)).toBe('warning');
    expect(deadlineStatus('2026-02-25', due, 0, calendar)).toBe('warning');
    expect(deadlineStatus('2026-02-24', due, 0, calendar)).toBe('ok');
    expect(deadlineStatus('2026-02-26', due, 1, calendar)).toBe('overdue');
  });

  it('does not warn early over a holiday: the days left are working days', () => {
    // Due Friday 9 October; on Wednesday 30 September only Thursday 8 and Friday 9 remain.
    expect(deadlineStatus('2026-09-30', '2026-10-09', 2, calendar)).toBe('warning');
    expect(deadlineStatus('2026-09-30', '2026-10-09', 1, calendar)).toBe('ok');
  });
});

describe('the manager’s marks on single days', () => {
  it('a day marked as holiday stops counting, a weekend marked as workday counts', () => {
    const marked = hallCalendar(
      [],
      [
        { date: '2026-03-02', kind: 'holiday' }, // hall closed for works
        { date: '2026-03-07', kind: 'workday' }, // a Saturday the hall opens
      ],
    );
    expect(addWorkingDays('2026-02-26', 3, marked)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-05', 2, marked)).toBe('2026-03-07');
    expect(addWorkingDays('2026-03-05', 2, calendar)).toBe('2026-03-09');
  });

  it('can undo a make-up workday or a holiday of the official arrangement', () => {
    const marked = hallCalendar(
      [],
      [
        { date: '2026-02-14', kind: 'holiday' },
        { date: '2026-02-23', kind: 'workday' },
      ],
    );
    expect(isWorkingDay('2026-02-14', marked)).toBe(false);
    expect(isWorkingDay('2026-02-23', marked)).toBe(true);
    expect(addWorkingDays('2026-02-13', 1, marked)).toBe('2026-02-23');
  });
});

describe('importing a newly published year', () => {
  // A made-up 2027 arrangement in the import form; the real one is whatever the State Council publishes.
  const y2027 = {
    year: 2027,
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
    workdays: ['2027-02-06', '2027-02-20'],
  };

  it('marks a year without an arrangement as provisional, and counts its holidays once imported', () => {
    expect(isProvisional('2026-12-28', '2027-01-05', calendar)).toBe(true);
    expect(isProvisional('2026-02-13', '2026-02-25', calendar)).toBe(false);
    // Before the import, Friday 1 January 2027 is an ordinary working day.
    expect(addWorkingDays('2026-12-31', 1, calendar)).toBe('2027-01-01');

    const imported = importYearArrangement(JSON.stringify(y2027));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const updated = hallCalendar([imported.value]);
    expect(isProvisional('2026-12-28', '2027-01-05', updated)).toBe(false);
    expect(addWorkingDays('2026-12-31', 1, updated)).toBe('2027-01-04');
    expect(isWorkingDay('2027-02-06', updated)).toBe(true); // imported make-up Saturday
    expect(isWorkingDay('2027-02-08', updated)).toBe(false); // imported holiday Monday
  });

  it('replaces, not merges, the shipped arrangement of the same year', () => {
    const corrected = buildCalendar([...officialArrangements(), { year: 2026, holidays: ['2026-01-01'], workdays: [] }]);
    expect(isWorkingDay('2026-02-16', corrected)).toBe(true);
    expect(isWorkingDay('2026-02-14', corrected)).toBe(false);
  });

  it('takes the per-year file the chinese-days package publishes, as it is', () => {
    const file = createRequire(import.meta.url).resolve('chinese-days/dist/years/2026.json');
    const imported = importYearArrangement(readFileSync(file, 'utf8'));
    expect(imported).toMatchObject({
      ok: true,
      value: { year: 2026, workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'] },
    });
    expect(imported.ok && imported.value.holidays).toHaveLength(33);
  });

  it('refuses a file that is not JSON, and names each wrong date', () => {
    expect(importYearArrangement('{ year: 2027 ')).toMatchObject({ ok: false, error: { code: 'malformed', messageKey: 'errors.intake.fileNotJson' } });
    const wrong = importYearArrangement(
      JSON.stringify({ ...y2027, holidays: ['2027-01-01', '2028-01-01', '2027-02-30'], workdays: ['2027-02-04', '2027-01-01', '2027-13-06'] }),
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'errors.intake.calendarYearInvalid' } });
    if (wrong.ok) return;
    expect(wrong.error.details?.fields?.map((f) => [f.params?.where, f.key])).toEqual([
      ['holidays[2]', 'field.dayFormat'], // 30 February
      ['workdays[2]', 'field.dayFormat'], // month 13
      ['holidays[1]', 'field.dayOutsideYear'],
      ['workdays[0]', 'field.workdayNotWeekend'], // a Thursday
      ['workdays[1]', 'field.dayBothHolidayAndWorkday'],
    ]);
  });
});
