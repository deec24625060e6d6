import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../common/logger.ts';
import type { DeviceHealth } from './device-health.ts';
import type { RatedKey } from '../../../common/rating-profile/levels.ts';
import type { SerialProfile } from '../../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../../common/rating-profile/builtin-profiles.ts';
import { createRatingDevice, type RatingDevice } from './rating-device.ts';
import { createSerialTransport } from './serial-transport.ts';
import { type FakeDevice, openFakeReferenceDevice } from './testing/fake-reference-device.ts';
import { createSocatCable, type SocatCable } from './testing/socat-cable.ts';

// Real parts only: socat wires two pseudo-terminals together, the driver opens one end
// through serialport's native binding, and a scripted keypad (serialport too) the other.
// Killing socat is the unplug; a new socat behind the same link names is the replug.

const builtin = builtinProfiles.find((p) => p.name === 'reference-serial');
if (builtin?.transport !== 'serial') throw new Error('reference-serial is missing');
// A fast heartbeat so losing and finding the device takes about a second here, with room
// for a loaded CI machine (driver and fake keypad share one event loop).
const profile: SerialProfile = { ...builtin, heartbeat: { intervalMs: 400, answerTimeoutMs: 300, missesBeforeNoAnswer: 2 } };

let cable: SocatCable;
let fake: FakeDevice;
let device: RatingDevice;
let rated: RatedKey[];
let healthSeen: DeviceHealth[];

const staff = { workNo: '007', name: '张三', window: '3', timeoutSeconds: 30 };

function untilHealth(target: DeviceHealth, timeoutMs = 5_000): Promise<void> {
  if (device.health === target) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`health stayed ${device.health}, expected ${target} within ${timeoutMs} ms (seen: ${healthSeen.join(' → ')})`));
    }, timeoutMs);
    const off = device.onHealth((health) => {
      if (health !== target) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

beforeEach(async () => {
  cable = await createSocatCable();
  fake = await openFakeReferenceDevice({ path: cable.devicePath, profile, script: { answerPolls: true, onInvite: () => ({ key: 4, afterMs: 20 }) } });
  rated = [];
  healthSeen = [];
  device = createRatingDevice({
    profile,
    transport: createSerialTransport({ ...profile.serial, path: cable.hostPath }, { logger: silentLogger, reconnect: { initialMs: 50, maxMs: 200 } }),
    address: 1,
    onRating: (key) => rated.push(key),
  });
  device.onHealth((health) => healthSeen.push(health));
  device.start();
  await untilHealth('connected');
});

afterEach(async () => {
  await device.stop();
  await fake.close();
  await cable.dispose();
});

describe('a reference serial keypad through a pty', () => {
  it('greets, shows the clerk, invites, and gets key 4 back as 不满意', async () => {
    await expect(device.invite(staff)).resolves.toEqual({ key: 4, level: 4, rating: 'dissatisfied' });
    expect(rated).toEqual([{ key: 4, level: 4, rating: 'dissatisfied' }]);
    const sent = fake.received.filter((command) => command.name !== 'poll');
    expect(sent.map((command) => command.name)).toEqual(['greet', 'showStaff', 'invite']);
    expect(sent[1]?.text).toBe('007|张三|3');
    expect(Array.from(sent[2]?.frame.data ?? [])).toEqual([30]);
  });

  it('answers the heartbeat: polls get a status back and the device stays connected', async () => {
    await fake.waitFor('poll', 3);
    expect(device.health).toBe('connected');
    expect(healthSeen).toEqual(['connected']);
  });

  it('reports the device timeout, and a cancel', async () => {
    fake.script = { answerPolls: true, onInvite: () => 'timeout' };
    await expect(device.invite(staff)).resolves.toBe('timeout');

    fake.script = { answerPolls: true, onInvite: () => 'ignore' };
    const waiting = device.invite(staff);
    await fake.waitFor('invite', 2);
    await device.cancel();
    await expect(waiting).resolves.toBe('cancelled');
    await fake.waitFor('cancel');
    expect(rated).toEqual([]);
  });

  it('still finds the key behind line noise and a corrupted frame, and counts the dropped frame', async () => {
    fake.script = { answerPolls: true, onInvite: () => 'ignore' };
    const waiting = device.invite(staff);
    await fake.waitFor('invite');
    // Noise, then key 2 with a wrong XOR (02 01 20 01 02 [23] 03), then key 1 intact.
    await fake.writeRaw([0xff, 0x13, 0x00, 0x02, 0x01, 0x20, 0x01, 0x02, 0x23, 0x03]);
    await fake.send(0x20, [1]);
    await expect(waiting).resolves.toEqual({ key: 1, level: 1, rating: 'very_satisfied' });
    expect(device.stats.badChecksum).toBe(1);
    expect(device.stats.noiseBytes).toBeGreaterThanOrEqual(3);
  });

  it('gives up a stray STX when the line goes quiet, so the key behind it is not held back', async () => {
    // No status answers meanwhile: their bytes would complete the stray frame early.
    fake.script = { answerPolls: false, onInvite: () => 'ignore' };
    const waiting = device.invite(staff);
    await fake.waitFor('invite');
    // 02 01 20 0A announces 10 data bytes (a frame of 16): the 7-byte key frame after it
    // cannot complete it, so only the gap timeout (100 ms in the profile) frees the key.
    await fake.writeRaw([0x02, 0x01, 0x20, 0x0a]);
    const sent = performance.now();
    await fake.send(0x20, [4]);
    await expect(waiting).resolves.toEqual({ key: 4, level: 4, rating: 'dissatisfied' });
    expect(performance.now() - sent).toBeGreaterThanOrEqual(profile.frame.gapTimeoutMs - 5);
    expect(device.stats.noiseBytes).toBeGreaterThanOrEqual(4);
  });

  it('counts a key pressed with no invitation, and makes no rating of it', async () => {
    await fake.send(0x20, [5]);
    await expect.poll(() => device.stats.uninvitedKeys).toBe(1);
    expect(rated).toEqual([]);
  });

  it('goes disconnected when unplugged, and reconnects and rates again when plugged back in', async () => {
    fake.script = { answerPolls: true, onInvite: () => 'ignore' };
    const waiting = device.invite(staff);
    await fake.waitFor('invite');

    await cable.unplug();
    await untilHealth('disconnected');
    // The keypad forgot the invitation with the power: the counter hears it at once.
    await expect(waiting).resolves.toBe('disconnected');
    await expect(device.invite(staff)).resolves.toBe('disconnected');

    await cable.plugIn();
    await fake.reopen();
    await untilHealth('connected');
    fake.script = { answerPolls: true, onInvite: () => ({ key: 2 }) };
    await expect(device.invite(staff)).resolves.toEqual({ key: 2, level: 2, rating: 'satisfied' });
    expect(healthSeen).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('says no_answer when the device stops answering polls, and connected when it answers again', async () => {
    fake.script = { ...fake.script, answerPolls: false };
    await untilHealth('no_answer');
    fake.script = { ...fake.script, answerPolls: true };
    await untilHealth('connected');
    expect(healthSeen).toEqual(['connected', 'no_answer', 'connected']);
  });

  it('ignores frames from another address on the line', async () => {
    fake.script = { answerPolls: true, onInvite: () => 'ignore' };
    const waiting = device.invite(staff);
    await fake.waitFor('invite');
    // Key 5 from address 2: 02 02 20 01 05 (02^20^01^05 = 26) 03.
    await fake.writeRaw([0x02, 0x02, 0x20, 0x01, 0x05, 0x26, 0x03]);
    await fake.send(0x20, [3]);
    await expect(waiting).resolves.toEqual({ key: 3, level: 3, rating: 'basically_satisfied' });
    expect(device.stats.otherAddress).toBe(1);
  });
});
