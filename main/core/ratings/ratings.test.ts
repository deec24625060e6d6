import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getCategoryByPrefix } from '../../../db/categories.ts';
import { listCounters } from '../../../db/counters.ts';
import { setStaffPhoto } from '../../../db/staff-profiles.ts';
import { insertStaff, type StaffRole } from '../../../db/staff.ts';
import type { InputOf } from '../api/method.ts';
import { hashPassword } from '../auth/password.ts';
import { openStaffSession } from '../auth/sessions.ts';
import type { Contract, MethodName } from '../contract.ts';
import type { HallEvent } from '../events.ts';
import { openTestHall, type TestHall, unwrap } from '../testing.ts';
import { createCore } from '../create-core.ts';
import { getRating } from '../../../db/ratings.ts';

// The test hall's clock starts at 2025-03-03T01:00Z: 09:00 on Monday 3 March in Shanghai.
let passwordHash: string;
let hall: TestHall;
let manager: string;
let clerk: string;
let clerk2: string;
let clerkId: number;
let pushed: HallEvent[];

beforeAll(async () => {
  passwordHash = await hashPassword('Passw0rd-test');
});

beforeEach(() => {
  hall = openTestHall({ sessionPolicy: { staffIdleMinutes: 30 * 24 * 60, staffMaxHours: 100_000, deviceDays: 365 } });
  const account = (workNo: string, roles: StaffRole[]) => {
    const staff = insertStaff(hall.db, { workNo, name: `Staff ${workNo}`, passwordHash, roles, now: hall.now().toISOString() });
    return { id: staff.id, token: openStaffSession(hall.db, hall.core.deps.clock, hall.core.deps.sessionPolicy, staff.id).token };
  };
  manager = account('M001', ['manager']).token;
  const c = account('C007', ['clerk']);
  clerk = c.token;
  clerkId = c.id;
  clerk2 = account('C008', ['clerk']).token;
  pushed = [];
  hall.core.events.subscribe((event) => pushed.push(event));
});

afterEach(() => hall.close());

const send = <K extends MethodName>(name: K, input: InputOf<Contract[K]>, token?: string) => hall.core.send(name, input, token);
const ok = async <K extends MethodName>(name: K, input: InputOf<Contract[K]>, token?: string) => unwrap(await send(name, input, token));
const counter3 = () => listCounters(hall.db).find((c) => c.number === 3)?.id ?? 0;

/** A rating screen paired to counter 3. */
async function rateScreen(): Promise<string> {
  const { code } = await ok('devices/issuePairingCode', { role: 'rate', name: '3号评价屏', counterId: counter3() }, manager);
  return (await ok('devices/pair', { code })).token;
}

/** One customer served at counter 3 by the clerk, start to finish. */
async function serveOne(token = clerk): Promise<number> {
  const categoryId = getCategoryByPrefix(hall.db, 'A')?.id ?? 0;
  await ok('queue/issue', { categoryId }, token);
  await ok('queue/openCounter', { counterId: counter3() }, token);
  const ticket = await ok('queue/callNext', { counterId: counter3() }, token);
  if (!ticket) throw new Error('nobody called');
  await ok('queue/finish', { counterId: counter3(), ticketId: ticket.id }, token);
  return ticket.id;
}

const today = { from: '2025-03-03', to: '2025-03-03' };

describe('ratings at the window', () => {
  it('closes an invitation left open by a stopped hall as unrated at the next start, without anyone opening the figures', async () => {
    await rateScreen();
    await serveOne();
    const pending = hall.db.prepare("SELECT id FROM ratings WHERE status = 'pending'").get() as { id: number } | undefined;
    if (!pending) throw new Error('no invitation');
    // The hall stops: its invitation timer is gone. It starts again two minutes later on the same file.
    hall.advanceMinutes(2);
    const restarted = createCore({ db: hall.db, clock: hall.core.deps.clock });
    restarted.tick();
    expect(getRating(hall.db, pending.id)).toMatchObject({ status: 'unrated' });
  });

  it("shows the clerk's photo on the customer's screen once the clerk has one, the initial before", async () => {
    const screen = await rateScreen();
    await serveOne();
    expect((await ok('ratings/current', {}, screen))?.staff.photo).toBeNull();
    // A 1×1 PNG, as the manager's staff page uploads it.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    setStaffPhoto(hall.db, clerkId, { mime: 'image/png', data: png }, hall.now().toISOString(), null);
    expect((await ok('ratings/current', {}, screen))?.staff.photo).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('invites the customer when the clerk finishes, shows the clerk on the screen, and stores the level', async () => {
    const screen = await rateScreen();
    await serveOne();
    const invited = pushed.find((e) => e.type === 'ratings/invited');
    expect(invited?.audience).toContain('rate');
    const current = await ok('ratings/current', {}, screen);
    expect(current).toMatchObject({ counterNumber: 3, staff: { workNo: 'C007', name: 'Staff C007' }, timeoutSeconds: 30 });
    expect(await ok('ratings/current', { counterId: counter3() }, clerk)).toEqual(current);

    const result = await ok('ratings/rate', { ratingId: current?.ratingId ?? 0, level: 2 }, screen);
    expect(result).toEqual({ ratingId: current?.ratingId, level: 2, askReasons: false, rectificationId: null });
    expect(await ok('ratings/current', {}, screen)).toBeNull();
    // Rated once: a second press is refused.
    expect(await send('ratings/rate', { ratingId: current?.ratingId ?? 0, level: 5 }, screen)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ratings.closed' },
    });
    const row = hall.db.prepare('SELECT level, channel, raw_key, device, stage, status FROM ratings').get();
    expect(row).toEqual({ level: 2, channel: 'screen', raw_key: 'screen:2', device: '3号评价屏', stage: 'intake', status: 'rated' });
  });

  it('opens a rectification task for a bad rating, due after 5 working days, and takes the reasons', async () => {
    const screen = await rateScreen();
    await serveOne();
    const current = await ok('ratings/current', {}, screen);
    const result = await ok('ratings/rate', { ratingId: current?.ratingId ?? 0, level: 4 }, screen);
    expect(result.askReasons).toBe(true);
    await ok('ratings/addReasons', { ratingId: result.ratingId, reasons: ['waitTooLong', 'attitude'] }, screen);
    const [task] = await ok('ratings/rectifications', {}, manager);
    // Monday 3 March + 5 working days = Monday 10 March.
    expect(task).toMatchObject({
      level: 4,
      dueDay: '2025-03-10',
      reasons: ['attitude', 'waitTooLong'],
      counterNumber: 3,
      staffName: 'Staff C007',
      overdue: false,
      workingDaysLeft: 5,
    });

    // Past its due day it is flagged; the manager assigns, calls, records measures, then the verdict closes it.
    hall.setTime('2025-03-11T02:00:00.000Z');
    expect((await ok('ratings/rectifications', {}, manager))[0]).toMatchObject({ overdue: true });
    await ok('ratings/assign', { id: task?.id ?? 0, staffId: clerkId }, manager);
    await ok('ratings/recordCall', { id: task?.id ?? 0, notes: '已电话回访，客户反映等候过久' }, manager);
    expect(await send('ratings/recordVerdict', { id: task?.id ?? 0, verdict: 'satisfied' }, manager)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ratings.measuresFirst' },
    });
    await ok('ratings/recordMeasures', { id: task?.id ?? 0, measures: '高峰时段增开窗口' }, manager);
    const closed = await ok('ratings/recordVerdict', { id: task?.id ?? 0, verdict: 'satisfied' }, manager);
    expect(closed).toMatchObject({ assigneeName: 'Staff C007', verdict: 'satisfied', overdue: true });
    expect(closed.closedAt).not.toBeNull();
    expect(await send('ratings/assign', { id: task?.id ?? 0, staffId: clerkId }, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('records an unanswered invitation as unrated, and counts it against the completion rate', async () => {
    const screen = await rateScreen();
    await serveOne();
    const first = await ok('ratings/current', {}, screen);
    hall.advanceMinutes(1);
    expect(await ok('ratings/current', {}, screen)).toBeNull();
    expect(pushed.some((e) => e.type === 'ratings/closed' && e.payload.status === 'unrated')).toBe(true);
    expect(await send('ratings/rate', { ratingId: first?.ratingId ?? 0, level: 1 }, screen)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ratings.closed' },
    });

    await serveOne();
    const second = await ok('ratings/current', {}, screen);
    await ok('ratings/rate', { ratingId: second?.ratingId ?? 0, level: 1 }, screen);
    const figures = await ok('ratings/figures', { ...today, groupBy: 'staff' }, manager);
    expect(figures.rows).toEqual([
      expect.objectContaining({ label: 'Staff C007 (C007)', served: 2, rated: 1, unrated: 1, completionRate: 0.5, meetsTarget: false, goodRate: 1 }),
    ]);
    expect(figures.target).toBe(0.9);
  });

  it('lets a clerk see only their own figures', async () => {
    const screen = await rateScreen();
    await serveOne();
    await ok('ratings/rate', { ratingId: (await ok('ratings/current', {}, screen))?.ratingId ?? 0, level: 3 }, screen);
    await ok('queue/closeCounter', { counterId: counter3() }, clerk);
    await serveOne(clerk2);
    const own = await ok('ratings/figures', { ...today, groupBy: 'day' }, clerk);
    expect(own.total).toMatchObject({ served: 1, rated: 1 });
    // Asking for someone else's gives their own still.
    expect((await ok('ratings/figures', { ...today, groupBy: 'day', staffId: 999 }, clerk2)).total).toMatchObject({ served: 1, rated: 0, pending: 1 });
    expect((await ok('ratings/figures', { ...today, groupBy: 'counter' }, manager)).rows).toEqual([expect.objectContaining({ label: '3', served: 2 })]);
  });

  it('maps a keyboard keypad key at the counter through the counter profile, from the window’s paired rating device only', async () => {
    await ok('ratings/setDevice', { counterId: counter3(), device: { profile: 'keyboard-keypad', path: null, baudRate: null, address: 1 } }, manager);
    // The keypad's keys are read on the counter PC under the window's paired rating device, not the clerk's login.
    const keypadDevice = await rateScreen();
    const { code: otherCode } = await ok(
      'devices/issuePairingCode',
      { role: 'rate', name: '4号评价器', counterId: listCounters(hall.db).find((c) => c.number === 4)?.id ?? 0 },
      manager,
    );
    const otherWindow = (await ok('devices/pair', { code: otherCode })).token;
    await serveOne();
    const current = await ok('ratings/current', { counterId: counter3() }, clerk);
    const devices = await ok('ratings/devices', {}, clerk);
    const bindings = devices.counters.find((c) => c.counterId === counter3())?.keyboard ?? [];
    const fourth = bindings.find((b) => b.key === 4);
    const first = bindings.find((b) => b.key === 1);
    expect(fourth?.code).toBeTruthy();
    const press = (binding: typeof fourth, token: string) =>
      send('ratings/keypad', { counterId: counter3(), ratingId: current?.ratingId ?? 0, code: binding?.code ?? '', key: binding?.code ?? '' }, token);
    expect(await send('ratings/keypad', { counterId: counter3(), ratingId: current?.ratingId ?? 0, code: 'KeyA', key: 'a' }, keypadDevice)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ratings.notAKeypadKey' },
    });
    // The clerk cannot rate their own service as 非常满意, nor can another window's device.
    expect(await press(first, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await press(first, manager)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await press(first, otherWindow)).toMatchObject({ ok: false, error: { code: 'forbidden', messageKey: 'errors.ratings.notThisWindowsDevice' } });
    const result = unwrap(await press(fourth, keypadDevice));
    expect(result).toMatchObject({ level: 4, askReasons: true });
    expect(result.rectificationId).not.toBeNull();
    expect(hall.db.prepare('SELECT channel, raw_key, device FROM ratings').get()).toEqual({
      channel: 'keypad',
      raw_key: fourth?.code,
      device: 'keyboard-keypad',
    });
    // Counted as a keyboard rating in the figures.
    expect((await ok('ratings/figures', { ...today, groupBy: 'staff' }, manager)).total).toMatchObject({ keyboard: 1 });
  });

  it('refuses a serial device without its port, and a profile it does not know', async () => {
    expect(
      await send('ratings/setDevice', { counterId: counter3(), device: { profile: 'reference-serial', path: null, baudRate: null, address: 1 } }, manager),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'device.path', key: 'field.ratingDevicePath' }] } },
    });
    expect(
      await send('ratings/setDevice', { counterId: counter3(), device: { profile: 'acme-k9', path: null, baudRate: null, address: 1 } }, manager),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    const saved = await ok(
      'ratings/setDevice',
      { counterId: counter3(), device: { profile: 'reference-serial', path: '/dev/ttyUSB0', baudRate: 9600, address: 2 } },
      manager,
    );
    expect(saved.setting).toEqual({ profile: 'reference-serial', path: '/dev/ttyUSB0', baudRate: 9600, address: 2 });
    expect(pushed.some((e) => e.type === 'ratings/devicesChanged')).toBe(true);
  });
});
