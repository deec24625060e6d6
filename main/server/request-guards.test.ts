import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../../test/integration/hall-fixture.ts';
import { hostAllowed, originOf } from './hall-server.ts';

const admin = { hallName: '北区大厅', workNo: 'A001', name: '王管理', password: 'Hall2026pass' };
let hall: TestHall | undefined;
afterEach(async () => {
  await hall?.stop();
  hall = undefined;
});

/** A raw POST with the Host header a rebinding page's browser would send. */
function postWithHost(
  url: string,
  path: string,
  host: string,
  body: unknown,
): Promise<{ status: number; body: { ok: boolean; error?: { messageKey: string } } }> {
  const { hostname, port } = new URL(url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('first-run takeover', () => {
  it('refuses createAdmin for a foreign Host (DNS rebinding against the desktop app) and from the LAN without the setup code', async () => {
    hall = await startTestHall();
    const rebinding = await postWithHost(hall.url, '/api/setup/createAdmin', 'attacker.example:4720', admin);
    expect(rebinding).toMatchObject({ status: 403, body: { ok: false, error: { messageKey: 'errors.hostNotAllowed' } } });

    // Another PC on the hall LAN: anonymous, not local, no code.
    const lan = { source: '192.168.1.66', local: false };
    expect(await hall.backend.call('setup/status', {}, undefined, lan)).toMatchObject({ ok: true, value: { needsSetup: true, needsSetupCode: true } });
    expect(await hall.backend.call('setup/createAdmin', admin, undefined, lan)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', messageKey: 'errors.setupCodeRequired' },
    });
    expect(await hall.backend.call('setup/createAdmin', { ...admin, setupCode: '0000-0000' }, undefined, lan)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The code the server printed lets the hall's own IT set it up from their PC.
    expect(hall.setupCode).toMatch(/^\d{4}-\d{4}$/);
    expect(await hall.backend.call('setup/createAdmin', { ...admin, setupCode: hall.setupCode }, undefined, lan)).toMatchObject({ ok: true });
  });

  it('lets the server machine itself set up without a code, by IP or localhost', async () => {
    hall = await startTestHall();
    const local = await postWithHost(hall.url, '/api/setup/createAdmin', `localhost:${new URL(hall.url).port}`, admin);
    expect(local).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('knows its own addresses and names', () => {
    expect(originOf('::ffff:127.0.0.1')).toEqual({ source: '127.0.0.1', local: true });
    expect(originOf('::1').local).toBe(true);
    expect(originOf('192.168.1.66')).toEqual({ source: '192.168.1.66', local: false });
    expect(hostAllowed('192.168.1.10:4720', [])).toBe(true);
    expect(hostAllowed('[::1]:4720', [])).toBe(true);
    expect(hostAllowed('hall-server.local:4720', ['hall-server.local'])).toBe(true);
    expect(hostAllowed('hall-server.local.attacker.example', ['hall-server.local'])).toBe(false);
    expect(hostAllowed(undefined, [])).toBe(false);
  });

  it('keeps API answers out of caches and unsniffed, and lets pages connect only to the hall itself', async () => {
    hall = await startTestHall();
    const api = await fetch(`${hall.url}/api/setup/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await fetch(`${hall.url}/counter`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/connect-src[^;]*ws:/);
  });

  it('closes unidentified push sockets beyond eight per address at once, and counts a screen that said hello no more', async () => {
    hall = await startTestHall();
    const url = `${hall.url.replace(/^http/, 'ws')}/api/events`;
    const open = () =>
      new Promise<{ socket: WebSocket; closed: Promise<number> }>((resolve) => {
        const socket = new WebSocket(url);
        const closed = new Promise<number>((done) => socket.addEventListener('close', (e) => done(e.code)));
        socket.addEventListener('open', () => resolve({ socket, closed }));
        socket.addEventListener('error', () => resolve({ socket, closed }));
      });
    const held = [];
    for (let i = 0; i < 8; i += 1) held.push(await open());
    const ninth = await open();
    expect(await ninth.closed).toBe(1013);
    // One of them says hello (here with no session: it is told so and closed), which frees its place.
    held[0]?.socket.send(JSON.stringify({}));
    expect(await held[0]?.closed).toBe(4401);
    const tenth = await open();
    expect(tenth.socket.readyState).toBe(WebSocket.OPEN);
    for (const s of [...held, tenth]) s.socket.close();
  });
});
