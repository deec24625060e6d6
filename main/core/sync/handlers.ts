import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { enqueueOutbox } from '../../../db/outbox.ts';
import {
  type ConnectorRow,
  failuresSinceSuccess,
  getConnector,
  getOutboxRow,
  lastRun,
  listConnectors,
  listRejected,
  listRuns,
  openBatches,
  outboxUtilities,
  pendingCount,
  rejectedCount,
  type RunRow,
  saveConnector,
  listQuarantined,
} from '../../../db/sync.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { currentCatalogue } from '../catalogue/catalogue-store.ts';
import { staffIdOf } from '../api/caller.ts';
import type { RunView, syncContract, UtilitySync } from './contract.ts';
import { readHallCode, UNSET_HALL_CODE, writeHallCode } from './hall-code.ts';
import { syncDaySummary } from './summary.ts';
import { unavailableSyncPort } from './port.ts';
import { workOrderRecord } from './work-order-record.ts';
import { insideDropRoots } from './drop-roots.ts';
import { plainHttpOffMachine } from './https-only.ts';
import { maskRecord, unmaskFrom } from '../privacy/mask.ts';
import { syncFailureReason } from './failure-reason.ts';
import { RATING_PLATFORM, RATING_PLATFORM_NAMES } from './rating-record.ts';
import { jsonObject, parseJsonColumn } from '../../../db/json-columns.ts';

const runView = (r: RunRow): RunView => ({
  id: r.id,
  trigger: r.trigger,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  state: r.state,
  sent: r.sent,
  accepted: r.accepted,
  rejected: r.rejected,
  updates: r.updates,
  error: r.error,
  reason: r.state === 'failed' ? syncFailureReason(r.error) : null,
});

const connectorView = (c: ConnectorRow): NonNullable<UtilitySync['connector']> => ({
  kind: c.kind,
  enabled: c.enabled,
  baseUrl: c.baseUrl,
  outDir: c.outDir,
  replyDir: c.replyDir,
  hasSecret: c.secretCipher !== null,
  windowStart: c.windowStart,
  windowEnd: c.windowEnd,
});

export function syncHandlers(deps: CoreDeps): HandlersFor<typeof syncContract> {
  const { db, clock } = deps;
  const port = () => deps.ports.sync ?? unavailableSyncPort;
  const now = () => clock.now().toISOString();

  return {
    'sync/overview': () => {
      const catalogueUtilities = currentCatalogue(db).catalogue.utilities;
      const connectors = new Map(listConnectors(db).map((c) => [c.utility, c]));
      // The 好差评 platform is always listed, so the administrator can set it up from the page.
      const codes = [...new Set([...catalogueUtilities.map((u) => u.code), RATING_PLATFORM, ...connectors.keys(), ...outboxUtilities(db)])];
      const at = now();
      return {
        hallCode: readHallCode(db),
        utilities: codes.map((utility) => {
          const connector = connectors.get(utility);
          const last = lastRun(db, utility);
          return {
            utility,
            names:
              catalogueUtilities.find((u) => u.code === utility)?.names ?? (utility === RATING_PLATFORM ? RATING_PLATFORM_NAMES : { zh: utility, en: utility }),
            connector: connector ? connectorView(connector) : null,
            pending: pendingCount(db, utility),
            rejected: rejectedCount(db, utility),
            openBatches: openBatches(db, utility).length,
            lastSuccessAt: lastRun(db, utility, 'succeeded')?.finishedAt ?? null,
            lastRun: last ? runView(last) : null,
            failures: failuresSinceSuccess(db, utility),
            running: connector?.leaseOwner != null && (connector.leaseUntil ?? '') > at,
          };
        }),
      };
    },

    'sync/saveConnector': (input, { caller }) => {
      if (input.kind === 'http' && !input.baseUrl) fail('validation', 'errors.validation', { fields: [{ path: 'baseUrl', key: 'field.required' }] });
      // Citizens' records cross the network only encrypted: plain http only to this computer.
      if (input.kind === 'http' && input.baseUrl && plainHttpOffMachine(input.baseUrl))
        fail('validation', 'errors.validation', { fields: [{ path: 'baseUrl', key: 'field.httpsRequired' }] });
      if (input.kind === 'folder' && (!input.outDir || !input.replyDir)) {
        fail('validation', 'errors.validation', { fields: [{ path: input.outDir ? 'replyDir' : 'outDir', key: 'field.required' }] });
      }
      if (input.kind === 'folder') {
        // Drops hold citizens' records: only folders the hall's operator set aside, never any path on the server.
        const roots = port().dropRoots();
        const outside = (['outDir', 'replyDir'] as const).filter((field) => !insideDropRoots(input[field] ?? '', roots));
        if (outside.length > 0)
          fail('validation', 'errors.validation', {
            fields: outside.map((path) => ({ path, key: 'field.dropOutsideRoots', params: { roots: roots.join('; ') } })),
          });
      }
      // The utilities know the hall by its code: nothing goes out under the placeholder.
      if (input.enabled && readHallCode(db) === UNSET_HALL_CODE)
        fail('validation', 'errors.validation', { fields: [{ path: 'enabled', key: 'field.hallCodeFirst' }] });
      const existing = getConnector(db, input.utility);
      if (!input.secret && !existing?.secretCipher) fail('validation', 'errors.validation', { fields: [{ path: 'secret', key: 'field.required' }] });
      // Sealed before the transaction: the keychain or key file may be slow the first time.
      const secretCipher = input.secret ? port().sealSecret(input.secret) : undefined;
      const staffId = staffIdOf(caller);
      inTransaction(db, () => {
        saveConnector(db, {
          utility: input.utility,
          kind: input.kind,
          enabled: input.enabled,
          baseUrl: input.kind === 'http' ? input.baseUrl : null,
          outDir: input.kind === 'folder' ? input.outDir : null,
          replyDir: input.kind === 'folder' ? input.replyDir : null,
          windowStart: input.windowStart,
          windowEnd: input.windowEnd,
          secretCipher,
          at: now(),
          staffId,
        });
        const after = getConnector(db, input.utility);
        auditChange(deps, staffId, {
          at: now(),
          action: 'sync.saveConnector',
          target: `utility:${input.utility}`,
          before: existing ? connectorView(existing) : null,
          // Whether the secret changed, never the secret.
          after: after ? { ...connectorView(after), secretChanged: secretCipher !== undefined } : null,
        });
      });
      return { utility: input.utility };
    },

    'sync/setHallCode': (input, { caller }) => {
      inTransaction(db, () => {
        const before = readHallCode(db);
        writeHallCode(db, input.hallCode);
        auditChange(deps, caller, { at: now(), action: 'sync.setHallCode', target: 'hall', before: { hallCode: before }, after: { hallCode: input.hallCode } });
      });
      return { hallCode: input.hallCode };
    },

    'sync/history': (input) => listRuns(db, input.utility, input.limit).map(runView),

    'sync/rejected': (input) =>
      listRejected(db, input.utility, input.limit, input.afterSeq).map((r) => ({
        seq: r.seq,
        type: r.type,
        recordId: r.recordId,
        version: r.version,
        reason: r.reason ?? '',
        answeredAt: r.answeredAt,
        // The manager sees what was refused, not the customer's full ID and phone: masked like every list.
        data: jsonObject.parse(maskRecord(JSON.parse(r.data))),
      })),

    'sync/testConnection': async ({ utility }) => {
      if (!getConnector(db, utility)) fail('not_found', 'errors.sync.noConnector');
      return port().testConnection(utility);
    },

    'sync/quarantined': ({ utility, limit }) =>
      listQuarantined(db, utility, limit).map(({ id, receivedAt, position, raw, problem, field }) => ({ id, receivedAt, position, raw, problem, field })),

    'sync/resend': (input, { caller }) =>
      inTransaction(db, () => {
        const row = getOutboxRow(db, input.seq) ?? fail('not_found', 'errors.sync.recordNotFound');
        if (row.state !== 'rejected') fail('conflict', 'errors.sync.notRejected');
        // A manager's correction wins; else a work order goes as it is now (the clerk may have
        // corrected it at the window); else the same data once more.
        const fresh = row.type === 'workOrder' ? workOrderRecord(db, Number(row.recordId)) : undefined;
        const original = parseJsonColumn(jsonObject, row.data);
        // The manager corrected the masked copy: masked values stay the original's.
        const data = (input.data ? jsonObject.parse(unmaskFrom(input.data, original)) : undefined) ?? fresh ?? original;
        const at = now();
        const queued = enqueueOutbox(db, { utility: row.utility, type: row.type, recordId: row.recordId, data, at });
        auditChange(deps, caller, {
          at,
          action: 'sync.resend',
          target: `${row.type}:${row.recordId}`,
          before: { utility: row.utility, version: row.version, reason: row.reason },
          after: { version: queued.version, corrected: input.data !== undefined },
        });
        return queued;
      }),

    'sync/runNow': (input) => {
      const enabled = listConnectors(db).filter((c) => c.enabled);
      if (input.utility !== undefined ? !enabled.some((c) => c.utility === input.utility) : enabled.length === 0) fail('not_found', 'errors.sync.noConnector');
      return { started: port().runNow(input.utility ?? null, 'manual') };
    },

    'sync/daySummary': (input) => syncDaySummary(db, input.day),
  };
}
