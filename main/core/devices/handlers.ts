import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { consumePairingCode, getDevice, insertDevice, insertPairingCode, listDevices, revokeDevice, setDeviceCounter } from '../../../db/devices.ts';
import { getCounter } from '../../../db/counters.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import { openDeviceSession } from '../auth/sessions.ts';
import { hashToken, newPairingCode } from '../auth/tokens.ts';
import { addMinutes } from '../clock.ts';
import { blockedUntil, recordFailedAttempt } from '../../../db/attempt-limits.ts';
import { PAIRING_PER_CODE, PAIRING_PER_SOURCE } from '../auth/attempt-limits.ts';
import type { CoreDeps } from '../deps.ts';
import type { devicesContract } from './contract.ts';
import { readDevicePrinter, writeDevicePrinter } from './printer-settings.ts';

const PAIRING_CODE_MINUTES = 10;

/**
 * Who hears of a device change: the managers' 设备 list, the clerks' customer-screen status, and
 * the rating screens, since a rating screen's window decides what it shows (a board or a kiosk
 * shows the same whatever the binding).
 */
const changedAudience = ['manager', 'admin', 'clerk', 'rate'] as const;

export function devicesHandlers(deps: CoreDeps): HandlersFor<typeof devicesContract> {
  const { db, clock, sessionPolicy } = deps;
  const changed = (deviceId: number, reason: 'paired' | 'counterSet' | 'revoked', counters: (number | null)[]) =>
    deps.events.emit('devices/changed', { deviceId, reason, counterIds: [...new Set(counters.filter((c) => c !== null))] }, changedAudience);
  return {
    'devices/issuePairingCode'(input, { caller }) {
      if (caller.kind !== 'staff') return fail('forbidden', 'errors.forbidden');
      if (input.counterId !== null && !getCounter(db, input.counterId))
        return fail('validation', 'errors.validation', { fields: [{ path: 'counterId', key: 'field.counterUnknown' }] });
      const code = newPairingCode();
      const now = clock.now();
      const expiresAt = addMinutes(now, PAIRING_CODE_MINUTES).toISOString();
      inTransaction(db, () => {
        insertPairingCode(db, {
          codeHash: hashToken(code),
          role: input.role,
          name: input.name,
          counterId: input.counterId,
          issuedBy: caller.staffId,
          expiresAt,
        });
        auditChange(deps, caller, {
          at: now.toISOString(),
          action: 'devices.issuePairingCode',
          target: null,
          after: { role: input.role, name: input.name, expiresAt },
        });
      });
      return { code, expiresAt };
    },
    'devices/pair'({ code }, { origin }) {
      // devices/pair needs no session, so a six-digit code could be guessed: wrong codes are
      // limited per address and per code (attempt-limits.ts), never hall-wide, so one guesser
      // cannot stop the hall's other devices from pairing. The counts survive a restart.
      const at = clock.now();
      const now = at.toISOString();
      const codeKey = hashToken(code);
      const blocked = blockedUntil(db, 'pairing.source', origin.source, now) ?? blockedUntil(db, 'pairing.code', codeKey, now);
      if (blocked) return fail('locked', 'errors.pairingThrottled', { until: blocked });
      const paired = inTransaction(db, () => {
        const used = consumePairingCode(db, codeKey, now);
        if (!used) {
          recordFailedAttempt(db, 'pairing.source', origin.source, at, PAIRING_PER_SOURCE);
          recordFailedAttempt(db, 'pairing.code', codeKey, at, PAIRING_PER_CODE);
          deps.logger.warn({ source: origin.source }, 'wrong pairing code');
          return undefined;
        }
        const device = insertDevice(db, { name: used.name, role: used.role, counterId: used.counterId, pairedAt: now });
        const session = openDeviceSession(db, clock, sessionPolicy, device.id);
        auditChange(deps, used.issuedBy, { at: now, action: 'devices.pair', target: `device:${device.id}`, after: device });
        return { ...session, device, hallCertificate: deps.ports.certificate?.()?.caFingerprint ?? null };
      });
      // The failure is counted in its own committed transaction above, then answered.
      if (paired) changed(paired.device.id, 'paired', [paired.device.counterId]);
      return paired ?? fail('unauthenticated', 'errors.pairingCodeInvalid', { fields: [{ path: 'code', key: 'field.pairingCodeInvalid' }] });
    },
    'devices/list': () => listDevices(db),
    'devices/revoke'({ id }, { caller }) {
      const before = getDevice(db, id);
      if (!before) return fail('not_found', 'errors.deviceNotFound');
      const now = clock.now().toISOString();
      inTransaction(db, () => {
        revokeDevice(db, id, now);
        auditChange(deps, caller, { at: now, action: 'devices.revoke', target: `device:${id}`, before, after: getDevice(db, id) });
      });
      changed(id, 'revoked', [before.counterId]);
      return {};
    },
    'devices/setCounter'({ id, counterId }, { caller }) {
      const before = getDevice(db, id);
      if (!before || before.revokedAt !== null) return fail('not_found', 'errors.deviceNotFound');
      // A kiosk serves the whole hall; only the screens that face one window belong to one.
      if (before.role === 'kiosk') return fail('conflict', 'errors.kioskHasNoCounter');
      if (counterId !== null && !getCounter(db, counterId))
        return fail('validation', 'errors.validation', { fields: [{ path: 'counterId', key: 'field.counterUnknown' }] });
      const now = clock.now().toISOString();
      const after = inTransaction(db, () => {
        setDeviceCounter(db, id, counterId);
        const updated = getDevice(db, id) ?? fail('not_found', 'errors.deviceNotFound');
        auditChange(deps, caller, { at: now, action: 'devices.setCounter', target: `device:${id}`, before, after: updated });
        return updated;
      });
      // After the commit: a screen that reloads on the event must find the new binding.
      changed(id, 'counterSet', [before.counterId, after.counterId]);
      return after;
    },
    'devices/setPrinter'({ deviceId, printer }, { caller }) {
      const device = getDevice(db, deviceId);
      if (!device || device.revokedAt !== null) return fail('not_found', 'errors.deviceNotFound');
      // Only a kiosk issues tickets; a printer on a calling board would never be used.
      if (device.role !== 'kiosk') return fail('conflict', 'errors.printerKioskOnly');
      const now = clock.now().toISOString();
      inTransaction(db, () => {
        const before = readDevicePrinter(db, deviceId) ?? null;
        writeDevicePrinter(db, deviceId, printer);
        auditChange(deps, caller, { at: now, action: 'devices.setPrinter', target: `device:${deviceId}`, before, after: printer });
      });
      return { deviceId, printer };
    },
    'devices/getPrinter'({ deviceId }) {
      if (!getDevice(db, deviceId)) return fail('not_found', 'errors.deviceNotFound');
      return { deviceId, printer: readDevicePrinter(db, deviceId) ?? null };
    },
  };
}
