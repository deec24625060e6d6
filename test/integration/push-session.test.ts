import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, login, pairDevice, postOk, startTestHall, type TestHall } from './hall-fixture.ts';

// Short timings so the test sees what a screen sees after a minute in real use.
let hall: TestHall;
let adminToken: string;

beforeAll(async () => {
  hall = await startTestHall({ pushTiming: { helloMs: 300, recheckMs: 150 } });
  adminToken = await login(hall.url, await createAdmin(hall.url));
});
afterAll(() => hall.stop());

function open(): { socket: WebSocket; closed: Promise<number>; opened: Promise<void>; messages: unknown[] } {
  const socket = new WebSocket(`${hall.url.replace(/^http/, 'ws')}/api/events`);
  const messages: unknown[] = [];
  socket.addEventListener('message', (e) => messages.push(JSON.parse(String(e.data))));
  const closed = new Promise<number>((done) => socket.addEventListener('close', (e) => done(e.code)));
  const opened = new Promise<void>((done) => socket.addEventListener('open', () => done(), { once: true }));
  return { socket, closed, opened, messages };
}

describe('a push feed follows its session', () => {
  it('drops a socket that never says hello', async () => {
    const client = open();
    await client.opened;
    expect(await client.closed).toBe(1008);
  });

  it('closes a live feed once its device is revoked', async () => {
    const { token, deviceId } = await pairDevice(hall.url, adminToken, 'display');
    const client = open();
    await client.opened;
    client.socket.send(JSON.stringify({ token }));
    await expect.poll(() => client.messages.length).toBeGreaterThan(0);
    expect(client.messages[0]).toMatchObject({ kind: 'hello' });
    await postOk(hall.url, 'devices/revoke', { id: deviceId }, adminToken);
    expect(await client.closed).toBe(4401);
  });
});
