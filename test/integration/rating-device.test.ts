import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CounterDeviceView, RectificationView } from '../../main/core/ratings/contract.ts';
import type { SerialProfile } from '../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../common/rating-profile/builtin-profiles.ts';
import { type FakeDevice, openFakeReferenceDevice } from '../../main/drivers/rating/testing/fake-reference-device.ts';
import { createSocatCable, type SocatCable } from '../../main/drivers/rating/testing/socat-cable.ts';
import { type CliHall, createAdmin, createStaff, login, postOk, spawnCliHall, tempDataDir, TEST_HALL_START } from './hall-fixture.ts';

// The whole product with real parts: the hall server as `npm run hall` starts it, given a
// serial keypad on its command line; socat's pty pair as the cable; a scripted reference
// keypad on the far end. Killing socat is the unplug.

const profile = builtinProfiles.find((p): p is SerialProfile => p.name === 'reference-serial');
if (!profile) throw new Error('reference-serial is missing');

let cable: SocatCable;
let fake: FakeDevice;
let hall: CliHall;
let dataDir: string;

beforeEach(async () => {
  cable = await createSocatCable();
  fake = await openFakeReferenceDevice({ path: cable.devicePath, profile, script: { answerPolls: true, onInvite: () => ({ key: 4, afterMs: 30 }) } });
  dataDir = tempDataDir();
  hall = await spawnCliHall(dataDir, 20_000, ['--rating-device', `counter3=reference-serial:${cable.hostPath}?baud=9600&addr=1`]);
});

afterEach(async () => {
  await hall.stop();
  await fake.close();
  await cable.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

describe('a serial rating keypad at counter 3, given on the hall command line', () => {
  it('invites on finish, stores key 4 as 不满意 with a rectification task, and reconnects after an unplug', async () => {
    const admin = await login(hall.url, await createAdmin(hall.url));
    const clerk = await createStaff(hall.url, admin, ['clerk']);
    const counter3 = (await postOk<{ counters: { id: number; number: number }[] }>(hall.url, 'queue/overview', {}, clerk.token)).counters.find(
      (c) => c.number === 3,
    );
    if (!counter3) throw new Error('no counter 3');
    const device3 = async () =>
      (await postOk<{ counters: CounterDeviceView[] }>(hall.url, 'ratings/devices', {}, clerk.token)).counters.find((c) => c.counterId === counter3.id);

    // The clerk's counter screen and the manager both read this: connected, from the command line.
    const ready = await until('health', device3, (d) => d?.effective?.health === 'connected');
    expect(ready?.effective).toMatchObject({ profile: 'reference-serial', transport: 'serial', source: 'command_line' });

    await postOk(hall.url, 'queue/openCounter', { counterId: counter3.id }, clerk.token);
    await postOk(hall.url, 'queue/issue', { categoryId: 1 }, clerk.token);
    const ticket = await postOk<{ id: number }>(hall.url, 'queue/callNext', { counterId: counter3.id }, clerk.token);
    await postOk(hall.url, 'queue/finish', { counterId: counter3.id, ticketId: ticket.id }, clerk.token);

    // The keypad greeted, showed the clerk (work number | name | window) and invited for 30 s.
    await fake.waitFor('invite');
    const shown = fake.received.find((c) => c.name === 'showStaff');
    expect(shown?.text).toBe(`${clerk.workNo}|Staff ${clerk.workNo}|3`);
    expect(fake.received.filter((c) => c.name !== 'poll').map((c) => c.name)).toEqual(['greet', 'showStaff', 'invite']);

    // Key 4 → 不满意, a bad rating: a rectification task for the manager, due in 5 working days.
    const tasks = await until(
      'rectification',
      () => postOk<RectificationView[]>(hall.url, 'ratings/rectifications', {}, admin),
      (t) => t.length === 1,
    );
    expect(tasks[0]).toMatchObject({ level: 4, channel: 'serial', counterNumber: 3, staffName: `Staff ${clerk.workNo}`, overdue: false, closedAt: null });
    // The hall's pinned day (startTestHall / spawnCliHall), not the machine's.
    const today = TEST_HALL_START.slice(0, 10);
    const figures = await postOk<{ total: { served: number; rated: number; bad: number } }>(
      hall.url,
      'ratings/figures',
      { from: today, to: today, groupBy: 'staff' },
      clerk.token,
    );
    expect(figures.total).toMatchObject({ served: 1, rated: 1, bad: 1 });

    // Unplug: the port goes, the counter shows the keypad disconnected.
    await cable.unplug();
    await until('unplugged', device3, (d) => d?.effective?.health === 'disconnected');
    // Replug: the hall reopens the same path by itself.
    await cable.plugIn();
    await fake.reopen();
    await until('replugged', device3, (d) => d?.effective?.health === 'connected');

    // And rates again: the next customer presses 1.
    fake.script = { answerPolls: true, onInvite: () => ({ key: 1 }) };
    await postOk(hall.url, 'queue/issue', { categoryId: 1 }, clerk.token);
    const next = await postOk<{ id: number }>(hall.url, 'queue/callNext', { counterId: counter3.id }, clerk.token);
    await postOk(hall.url, 'queue/finish', { counterId: counter3.id, ticketId: next.id }, clerk.token);
    const after = await until(
      'second rating',
      () => postOk<{ total: { rated: number; good: number } }>(hall.url, 'ratings/figures', { from: today, to: today, groupBy: 'day' }, clerk.token),
      (f) => f.total.rated === 2,
    );
    expect(after.total).toMatchObject({ rated: 2, good: 1 });
  });
});
