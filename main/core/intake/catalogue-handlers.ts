import { appendAudit } from '../../../db/audit.ts';
import { deleteCalendarOverride, getCalendarOverride, listCalendarOverrides, listImportedYears, saveImportedYear, setCalendarOverride } from '../../../db/calendar.ts';
import { listCatalogueVersions } from '../../../db/catalogue-versions.ts';
import { inTransaction } from '../../../db/connection.ts';
import { AppError, fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { yearOf } from '../../../common/calendar-day.ts';
import type { catalogueContract } from './catalogue-contract.ts';
import { exportCatalogue, importCatalogue } from './catalogue-file.ts';
import { catalogueVersion, currentCatalogue, publishNextCatalogue } from './catalogue-store.ts';
import { loadCalendar } from './calendar-store.ts';
import { hallToday } from './hall-today.ts';
import { staffIdOf } from './intake-caller.ts';
import { importYearArrangement } from './working-calendar.ts';
import { recomputeDeadlines } from './deadline-recompute.ts';

export function catalogueHandlers(deps: CoreDeps): HandlersFor<typeof catalogueContract> {
  const { db, clock } = deps;

  return {
    'catalogue/current': () => currentCatalogue(db),

    'catalogue/versions': () => {
      currentCatalogue(db);
      return listCatalogueVersions(db).map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedByName, source: v.source }));
    },

    'catalogue/publish'({ catalogue, file }, { caller }) {
      let edited = catalogue;
      if (file !== undefined) {
        const imported = importCatalogue(file);
        if (!imported.ok) throw new AppError(imported.error.code, imported.error.messageKey, imported.error.details);
        edited = imported.value.catalogue;
      }
      if (!edited) return fail('validation', 'errors.validation', { fields: [{ path: 'catalogue', key: 'field.catalogueOrFile' }] });
      const source = file === undefined ? 'edit' : 'import';
      const published = inTransaction(db, () => {
        const from = currentCatalogue(db).version;
        const next = publishNextCatalogue(db, edited, { staffId: staffIdOf(caller), source, at: clock.now() });
        appendAudit(db, { at: next.publishedAt, actorStaffId: staffIdOf(caller), action: 'catalogue.publish', target: `catalogue:${next.version}`, before: { version: from }, after: { version: next.version, source } });
        return next;
      });
      return { version: published.version, publishedAt: published.publishedAt };
    },

    'catalogue/export'({ version }) {
      const chosen = version === undefined ? currentCatalogue(db) : catalogueVersion(db, version);
      return { fileName: `onewindow-catalogue-v${chosen.version}.json`, text: exportCatalogue(chosen) };
    },

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
        appendAudit(db, { at, actorStaffId: staffIdOf(caller), action: 'calendar.setDay', target: `day:${date}`, before: { kind: before?.kind ?? 'none' }, after: { kind } });
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
        appendAudit(db, {
          at,
          actorStaffId: staffIdOf(caller),
          action: 'calendar.importYear',
          target: `year:${arrangement.year}`,
          before: undefined,
          after: { year: arrangement.year, holidays: arrangement.holidays.length, workdays: arrangement.workdays.length },
        });
        // Open deadlines counted into that year on weekends only are counted again (one audit entry each).
        return recomputeDeadlines(db, { year: arrangement.year, before, after: loadCalendar(db), at, actorStaffId: staffIdOf(caller) });
      });
      return { year: arrangement.year, holidays: arrangement.holidays.length, workdays: arrangement.workdays.length, moved };
    },
  };
}
