import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { getCounter, listCounters } from '../../../db/counters.ts';
import {
  deleteRatingDeviceSetting,
  getRatingDeviceHealth,
  listRatingDeviceHealth,
  listRatingDeviceSettings,
  saveRatingDeviceSetting,
} from '../../../db/rating-devices.ts';
import { keypadPress } from '../../../common/rating-profile/keyboard-keypad.ts';
import type { RatingProfile } from '../../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../../common/rating-profile/builtin-profiles.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import type { CounterDeviceView } from './contract.ts';

let builtin: ReadonlyMap<string, RatingProfile> | undefined;

/** The profiles the hall knows: its own (with vendors' folders) when the hall passed them, else the built-in ones. */
export function ratingProfiles(deps: Pick<CoreDeps, 'ports'>): ReadonlyMap<string, RatingProfile> {
  if (deps.ports.ratingProfiles) return deps.ports.ratingProfiles();
  // Reading vendors' folders is the drivers' work (profile-library.ts); a core the hall did not
  // give a library to (a test's, a tool's) knows the built-in profiles, whose names are distinct.
  builtin ??= new Map(builtinProfiles.map((profile) => [profile.name, profile]));
  return builtin;
}

/** The profile a counter runs: what the hall reported running (the command line may have set it), else the manager's setting. */
export function counterProfile(deps: Pick<CoreDeps, 'db' | 'ports'>, counterId: number): RatingProfile | undefined {
  const name = getRatingDeviceHealth(deps.db, counterId)?.profile ?? listRatingDeviceSettings(deps.db).find((s) => s.counterId === counterId)?.profile;
  return name === undefined ? undefined : ratingProfiles(deps).get(name);
}

export function counterDevices(deps: Pick<CoreDeps, 'db' | 'ports'>): CounterDeviceView[] {
  const settings = new Map(listRatingDeviceSettings(deps.db).map((s) => [s.counterId, s]));
  const health = new Map(listRatingDeviceHealth(deps.db).map((h) => [h.counterId, h]));
  const library = ratingProfiles(deps);
  return listCounters(deps.db).map((counter) => {
    const setting = settings.get(counter.id);
    const running = health.get(counter.id);
    const profile = counterProfile(deps, counter.id);
    return {
      counterId: counter.id,
      counterNumber: counter.number,
      setting: setting ? { profile: setting.profile, path: setting.path, baudRate: setting.baudRate, address: setting.address } : null,
      effective: running
        ? {
            profile: running.profile,
            transport: library.get(running.profile)?.transport ?? 'unknown',
            description: running.description,
            source: running.source,
            health: running.health,
            since: running.since,
            error: running.error,
          }
        : null,
      keyboard:
        profile?.transport === 'keyboard' ? profile.keyboard.bindings.map((b) => ({ code: b.code ?? null, eventKey: b.eventKey ?? null, key: b.key })) : null,
    };
  });
}

export function setCounterDevice(
  deps: CoreDeps,
  actorStaffId: number | null,
  input: { counterId: number; device: { profile: string; path: string | null; baudRate: number | null; address: number } | null },
): CounterDeviceView {
  const { db, clock } = deps;
  if (!getCounter(db, input.counterId)) fail('not_found', 'errors.queue.counterNotFound');
  if (input.device) {
    const profile =
      ratingProfiles(deps).get(input.device.profile) ??
      fail('validation', 'errors.validation', { fields: [{ path: 'device.profile', key: 'field.ratingProfile' }] });
    // A serial port is needed to open a serial keypad; a HID keypad may be found by its ids.
    if (profile.transport === 'serial' && input.device.path === null)
      fail('validation', 'errors.validation', { fields: [{ path: 'device.path', key: 'field.ratingDevicePath' }] });
  }
  const at = clock.now().toISOString();
  inTransaction(db, () => {
    const before = listRatingDeviceSettings(db).find((s) => s.counterId === input.counterId);
    if (input.device) saveRatingDeviceSetting(db, { counterId: input.counterId, ...input.device, updatedAt: at, updatedBy: actorStaffId });
    else deleteRatingDeviceSetting(db, input.counterId);
    auditChange(deps, actorStaffId, { at, action: 'ratings.setDevice', target: `counter:${input.counterId}`, before, after: input.device ?? undefined });
  });
  deps.events.emit('ratings/devicesChanged', { counterId: input.counterId }, ['manager', 'admin']);
  return counterDevices(deps).find((c) => c.counterId === input.counterId) ?? fail('not_found', 'errors.queue.counterNotFound');
}

/** A key from a keyboard-mode keypad, judged by the counter's keypad profile; undefined when it is not one of its keys. */
export function keypadRating(deps: Pick<CoreDeps, 'db' | 'ports'>, counterId: number, press: { code: string; key: string }) {
  const profile = counterProfile(deps, counterId);
  if (profile?.transport !== 'keyboard') return fail('conflict', 'errors.ratings.noKeypad');
  const rated = keypadPress(profile, press);
  return rated ? { ...rated, profile: profile.name } : undefined;
}
