import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPushFeed } from '../../main/server/push.ts';
import { inProcessBackend } from '../../main/server/in-process-backend.ts';
import { type IntakeHall, openIntakeHall } from '../../main/core/intake/intake-testing.ts';

let hall: IntakeHall;

beforeEach(async () => {
  hall = await openIntakeHall();
});
afterEach(() => hall.close());

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe("the counter's customer screen, as the counter and the screen see it", () => {
  it('is offline while bound but not connected, online while its push feed is open, offline again when it closes', async () => {
    expect(await hall.ok('intake/customerScreen', { counterId: hall.counterId }, hall.clerk)).toEqual({
      state: 'offline',
      devices: [{ id: hall.rateDeviceId, name: 'Counter 1 customer screen', connected: false }],
    });
    // The same feed the WebSocket and the desktop bridge open for a screen.
    const close = await openPushFeed(inProcessBackend(hall.core), { token: hall.rate }, () => {});
    expect((await hall.ok('intake/customerScreen', { counterId: hall.counterId }, hall.clerk)).state).toBe('online');
    expect(hall.pushed.filter((e) => e.type === 'devices/presence').map((e) => e.payload)).toEqual([{ deviceId: hall.rateDeviceId, connected: true }]);
    // A clerk's own feed does not make a screen.
    (await openPushFeed(inProcessBackend(hall.core), { token: hall.clerk }, () => {}))?.();
    close?.();
    expect((await hall.ok('intake/customerScreen', { counterId: hall.counterId }, hall.clerk)).state).toBe('offline');
    expect(hall.pushed.filter((e) => e.type === 'devices/presence').at(-1)?.payload).toEqual({ deviceId: hall.rateDeviceId, connected: false });
  });

  it('is unbound when the screen is moved off the counter, and the screen then knows no counter or clerk', async () => {
    await hall.ok('devices/setCounter', { id: hall.rateDeviceId, counterId: null }, hall.admin);
    expect(await hall.ok('intake/customerScreen', { counterId: hall.counterId }, hall.clerk)).toEqual({ state: 'unbound', devices: [] });
    expect(await hall.ok('ratings/screenIdle', {}, hall.rate)).toEqual({ counter: null, staff: null });
  });

  it('shows the clerk holding the counter, with the photo on file, and nobody once the counter closes', async () => {
    await hall.ok('staff/setPhoto', { id: hall.clerkId, photo: { mime: 'image/png', dataBase64: PNG_BASE64 } }, hall.manager);
    const idle = await hall.ok('ratings/screenIdle', {}, hall.rate);
    expect(idle.counter).toMatchObject({ id: hall.counterId });
    expect(idle.staff).toEqual({ workNo: 'C001', name: 'Staff C001', photo: `data:image/png;base64,${PNG_BASE64}` });
    await hall.ok('queue/closeCounter', { counterId: hall.counterId }, hall.clerk);
    expect((await hall.ok('ratings/screenIdle', {}, hall.rate)).staff).toBeNull();
    expect((await hall.send('ratings/screenIdle', {}, hall.clerk)).ok).toBe(false);
  });
});
