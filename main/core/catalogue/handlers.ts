import { auditChange } from '../audit/record.ts';
import { listCatalogueVersions } from '../../../db/catalogue-versions.ts';
import { inTransaction } from '../../../db/connection.ts';
import { AppError, fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { catalogueContract } from './contract.ts';
import { exportCatalogue, importCatalogue } from './catalogue-file.ts';
import { catalogueVersion, currentCatalogue, publishNextCatalogue } from './catalogue-store.ts';
import { staffIdOf } from '../api/caller.ts';

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
        auditChange(deps, caller, {
          at: next.publishedAt,
          action: 'catalogue.publish',
          target: `catalogue:${next.version}`,
          before: { version: from },
          after: { version: next.version, source },
        });
        return next;
      });
      return { version: published.version, publishedAt: published.publishedAt };
    },

    'catalogue/export'({ version }) {
      const chosen = version === undefined ? currentCatalogue(db) : catalogueVersion(db, version);
      return { fileName: `onewindow-catalogue-v${chosen.version}.json`, text: exportCatalogue(chosen) };
    },
  };
}
