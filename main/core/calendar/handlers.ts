import { auditChange } from '../audit/record.ts';
import {
  deleteCalendarOverride,
  getCalendarOverride,
  listCalendarOverrides,
  listImportedYears,
  saveImportedYear,
  setCalendarOverride,
} from '../../../db/calendar.ts';
import { inTransaction } from '../../../db/connection.ts';
import { AppError } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { hallToday } from '../hall/hall-today.ts';
import { staffIdOf } from '../api/caller.ts';
import { recomputeDeadlines } from '../intake/deadline-recompute.ts';
import { yearOf } from '../../../common/calendar-day.ts';
import { loadCalendar } from './calendar-store.ts';
import type { calendarContract } from './contract.ts';
import { importYearArrangement } from './working-calendar.ts';

export function calendarHandlers(deps: CoreDeps): HandlersFor<typeof calendarContract> {
  const { db, clock } = deps;

  return {
    'calendar/get'({ year }) {
      const shown = year ?? yearOf(hallToday(deps));
      const calendar = loadCalendar(db);
      const inYear = (days: ReadonlySet<string>) => [...days].filter((d) => yearOf(d) === shown).sort();
      return {
        year: shown,
        published: calendar.publishedYears.has(shown),
        holidays: inYear(calendar.holidays),
        workdays: inYear(calendar.workdays),
        overrides: listCalendarOverrides(db).map((o) => ({ date: o.day, kind: o.kind, setAt: o.setAt })),
        importedYears: listImportedYears(db).map((y) => ({ year: y.year, importedAt: y.importedAt })),
      };
    },

    'calendar/setDay'({ date, kind }, { caller }) {
      inTransaction(db, () => {
        const before = getCalendarOverride(db, date);
        const at = clock.now().toISOString();
        if (kind === 'none') deleteCalendarOverride(db, date);
        else setCalendarOverride(db, { day: date, kind, setAt: at, setBy: staffIdOf(caller) });
        auditChange(deps, caller, { at, action: 'calendar.setDay', target: `day:${date}`, before: { kind: before?.kind ?? 'none' }, after: { kind } });
      });
      return { date, kind };
    },

    'calendar/importYear'({ file }, { caller }) {
      const imported = importYearArrangement(file);
      if (!imported.ok) throw new AppError(imported.error.code, imported.error.messageKey, imported.error.details);
      const arrangement = imported.value;
      const moved = inTransaction(db, () => {
        const at = clock.now().toISOString();
        const before = loadCalendar(db);
        saveImportedYear(db, { year: arrangement.year, json: JSON.stringify(arrangement), importedAt: at, importedBy: staffIdOf(caller) });
        auditChange(deps, caller, {
          at,
          action: 'calendar.importYear',
          target: `year:${arrangement.year}`,
          after: { year: arrangement.year, holidays: arrangement.holidays.length, workdays: arrangement.workdays.length },
        });
        // Open deadlines counted into that year on weekends only are counted again (one audit entry each).
        return recomputeDeadlines(db, { year: arrangement.year, before, after: loadCalendar(db), at, actorStaffId: staffIdOf(caller) });
      });
      return { year: arrangement.year, holidays: arrangement.holidays.length, workdays: arrangement.workdays.length, moved };
    },
  };
}
