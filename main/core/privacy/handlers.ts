import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { staffIdOf } from '../api/caller.ts';
import type { privacyContract } from './contract.ts';
import { erasePerson, previewErasure } from './person-erasure.ts';
import { lastRetentionRun } from './retention-job.ts';
import { defaultRetentionRules, readRetentionRules, writeRetentionRules } from './retention-rules.ts';

export function privacyHandlers(deps: CoreDeps): HandlersFor<typeof privacyContract> {
  const { db } = deps;
  return {
    'privacy/retention': () => ({ rules: readRetentionRules(db), defaults: defaultRetentionRules, lastRun: lastRetentionRun(deps) }),

    'privacy/setRetention': ({ rules }, { caller }) =>
      inTransaction(db, () => {
        const before = readRetentionRules(db);
        writeRetentionRules(db, rules);
        auditChange(deps, caller, { action: 'privacy.setRetention', target: 'hall', before, after: rules });
        return { rules };
      }),

    'privacy/erasurePreview': ({ idNumber }) => previewErasure(deps, idNumber),

    'privacy/erasePerson': ({ idNumber, confirm }, { caller }) => erasePerson(deps, idNumber, confirm, staffIdOf(caller)),
  };
}
