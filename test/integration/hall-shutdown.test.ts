import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestHall } from './hall-fixture.ts';

/** A screen whose browser froze: it completes the websocket upgrade, then never answers again. */
async function frozenScreen(hallUrl: string): Promise<{ ended: Promise<void>; received: () => Buffer }> {
  const url = new URL(hallUrl);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise((done) => socket.once('connect', done));
  socket.write(
    // The Host a browser on the hall's own address sends (others are refused before the upgrade).
    `GET /api/events HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  const chunks: Buffer[] = [];
  const upgraded = new Promise<void>((done) => socket.once('data', () => done()));
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done) => socket.once('close', () => done()));
  await upgraded;
  expect(Buffer.concat(chunks).toString('latin1')).toMatch(/^HTTP\/1\.1 101/);
  return { ended, received: () => Buffer.concat(chunks) };
}

describe('the hall shutting down with screens attached', () => {
  it('tells a live screen it is going away (1001)', async () => {
    const hall = await startTestHall();
    const socket = new WebSocket(`${hall.url.replace(/^http/, 'ws')}/api/events`);
    await new Promise((done) => socket.addEventListener('open', done, { once: true }));
    const closed = new Promise<number>((done) => socket.addEventListener('close', (e) => done(e.code)));
    await hall.stop();
    expect(await closed).toBe(1001);
  });

  it('cuts a frozen screen instead of waiting out its close handshake (30 s in ws)', async () => {
    const hall = await startTestHall();
    const screen = await frozenScreen(hall.url);
    const started = Date.now();
    await hall.stop();
    await screen.ended;
    // The close frame went out (0x88, code 1001), the socket was cut, and the stop did not wait for the handshake.
    const bytes = screen.received();
    const frame = bytes.indexOf(0x88);
    expect(frame).toBeGreaterThan(0);
    expect(bytes.readUInt16BE(frame + 2)).toBe(1001);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
