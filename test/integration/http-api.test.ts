import type { Core } from '../../main/core/create-core.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../main/core/api/roles.ts';
import { contract } from '../../main/core/contract.ts';
import {
  type Account,
  createAdmin,
  createStaff,
  login,
  nextWorkNo,
  PASSWORD,
  pairDevice,
  post,
  postOk,
  startInProcessTestHall,
  TEST_HALL_START,
  type TestHall,
} from './hall-fixture.ts';

type CallerRole = Exclude<Role, 'public'>;
const callerRoles: CallerRole[] = ['clerk', 'manager', 'admin', 'kiosk', 'display', 'rate'];
const staffRoleNames = ['clerk', 'manager', 'admin'] as const;

let hall: TestHall & { core: Core };
let adminToken: string;
/** One account per staff role holding only that role, so the matrix tests a single role at a time. */
const staffAccounts = new Map<CallerRole, Account>();
const tokens = new Map<CallerRole, string>();

/**
 * A live token for the role. A positive call may end its own session (auth/logout), so
 * tokens are re-checked after use and replaced instead of being assumed to last.
 */
async function tokenFor(role: CallerRole): Promise<string> {
  const cached = tokens.get(role);
  if (cached && hall.core.resolve(cached).kind !== 'anonymous') return cached;
  const account = staffAccounts.get(role);
  const token = account ? await login(hall.url, account) : (await pairDevice(hall.url, adminToken, role as 'kiosk' | 'display' | 'rate')).token;
  tokens.set(role, token);
  return token;
}

beforeAll(async () => {
  hall = await startInProcessTestHall();
  const admin = await createAdmin(hall.url);
  adminToken = await login(hall.url, admin);
  for (const role of staffRoleNames) {
    const staff = await createStaff(hall.url, adminToken, [role]);
    staffAccounts.set(role, staff);
    tokens.set(role, staff.token);
  }
});

afterAll(async () => {
  await hall?.stop();
});

async function rawPost(path: string, init: { body: string; contentType?: string }) {
  const response = await fetch(`${hall.url}${path}`, {
    method: 'POST',
    headers: init.contentType ? { 'content-type': init.contentType } : {},
    body: init.body,
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (await response.json()) as unknown };
}

describe('errors are data', () => {
  it('answers a malformed JSON body with 400 malformed', async () => {
    const res = await rawPost('/api/auth/login', { body: '{"workNo": "A0001",', contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({ ok: false, error: { code: 'malformed', messageKey: 'errors.malformed' } });
  });

  it('answers a body one byte over the 1 MiB limit with 413 too_large', async () => {
    const limit = 1024 * 1024;
    const prefix = '{"name":"';
    const suffix = '"}';
    const body = `${prefix}${'a'.repeat(limit + 1 - prefix.length - suffix.length)}${suffix}`;
    expect(Buffer.byteLength(body)).toBe(limit + 1);
    const res = await rawPost('/api/auth/login', { body, contentType: 'application/json' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'too_large', messageKey: 'errors.tooLarge', details: { limitBytes: limit } } });
  });

  it('accepts a body exactly at the limit as far as the size check goes', async () => {
    const limit = 1024 * 1024;
    const prefix = '{"workNo":"';
    const suffix = '"}';
    const body = `${prefix}${'a'.repeat(limit - prefix.length - suffix.length)}${suffix}`;
    const res = await rawPost('/api/auth/login', { body, contentType: 'application/json' });
    // Parsed and refused by the schema, not by the size limit.
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it.each(['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers a %s body with a JSON error, not an HTML page',
    async (contentType) => {
      const res = await rawPost('/api/auth/login', { body: '<login/>', contentType });
      expect(res.status).toBe(400);
      expect(res.contentType).toMatch(/^application\/json/);
      expect(res.body).toEqual({ ok: false, error: { code: 'malformed', messageKey: 'errors.malformed' } });
    },
  );

  it('answers a text/plain body with a validation error on the body itself', async () => {
    // Fastify parses text/plain as a string; the schema then says the body is not an object.
    const res = await rawPost('/api/auth/login', { body: JSON.stringify({ workNo: 'A0001', password: PASSWORD }), contentType: 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      ok: false,
      error: { code: 'validation', messageKey: 'errors.validation', details: { fields: [{ path: '', key: 'field.invalidType' }] } },
    });
  });

  it.each(['nope/nothing', '__proto__/toString', 'staff/constructor'])('answers the unknown method %s with 404 unknown_method', async (method) => {
    const res = await post(hall.url, method, {}, adminToken);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ ok: false, error: { code: 'unknown_method', messageKey: 'errors.unknownMethod' } });
  });

  it('answers paths outside /api/:domain/:verb with 404 not_found as JSON', async () => {
    const response = await fetch(`${hall.url}/api/auth/me`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'not_found', messageKey: 'errors.notFound' } });
  });

  it('answers a wrong password with 401 errors.badCredentials', async () => {
    const clerk = staffAccounts.get('clerk');
    const res = await post(hall.url, 'auth/login', { workNo: clerk?.workNo, password: 'Wr0ng-password' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unauthenticated', messageKey: 'errors.badCredentials' } });
    // The failed attempt must not lock the clerk out of the rest of the file.
    await login(hall.url, clerk as Account);
  });

  it('answers an unknown work number exactly like a wrong password', async () => {
    const res = await post(hall.url, 'auth/login', { workNo: 'NOBODY-1', password: 'Wr0ng-password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ ok: false, error: { code: 'unauthenticated', messageKey: 'errors.badCredentials' } });
  });

  it('answers invalid input with 400 and one entry per field in details.fields', async () => {
    const res = await post(hall.url, 'staff/create', { workNo: 'x', name: 42, password: 'abc1', roles: [] }, adminToken);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'errors.validation' } });
    const fields = res.body.ok ? [] : (res.body.error.details?.fields ?? []);
    expect(Object.fromEntries(fields.map((f) => [f.path, f.key]))).toEqual({
      workNo: 'field.workNoFormat',
      name: 'field.invalidType',
      password: 'field.passwordTooShort',
      roles: 'field.chooseAtLeast',
    });
    expect(fields.find((f) => f.path === 'password')?.params).toEqual({ min: 12 });
  });

  it('tells a missing field from a field of the wrong type', async () => {
    const res = await post(hall.url, 'auth/login', { workNo: 12345 });
    const fields = res.body.ok ? [] : (res.body.error.details?.fields ?? []);
    expect(fields).toEqual([
      { path: 'workNo', key: 'field.invalidType' },
      { path: 'password', key: 'field.required' },
    ]);
  });
});

/** Every method in the contract against every caller, so a new method is covered the day it is declared. */
const guardedMethods = Object.entries(contract)
  .filter(([, spec]) => !(spec.roles as readonly Role[]).includes('public'))
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- widens each method's literal roles so includes() takes any role
  .map(([name, spec]) => ({ name, roles: spec.roles as readonly Role[] }));

describe('role matrix', () => {
  it('has methods to check', () => {
    expect(guardedMethods.length).toBeGreaterThan(0);
  });

  describe.each(guardedMethods)('$name', ({ name, roles }) => {
    it('refuses an anonymous caller with 401 unauthenticated', async () => {
      const res = await post(hall.url, name, {});
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ ok: false, error: { code: 'unauthenticated', messageKey: 'errors.unauthenticated' } });
    });

    it('refuses a token that names no session with 401 unauthenticated', async () => {
      const res = await post(hall.url, name, {}, 'not-a-real-token');
      expect(res.status).toBe(401);
    });

    const denied = callerRoles.filter((role) => !roles.includes(role));
    const allowed = callerRoles.filter((role) => roles.includes(role));

    if (denied.length > 0) {
      it.each(denied)('refuses %s with 403 forbidden', async (role) => {
        const res = await post(hall.url, name, {}, await tokenFor(role));
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
      });
    }

    if (allowed.length > 0) {
      it.each(allowed)('lets %s past the role check', async (role) => {
        const res = await post(hall.url, name, {}, await tokenFor(role));
        // `{}` may well fail validation; what matters is that the role check let it through.
        expect(res.status).not.toBe(401);
        expect(res.status).not.toBe(403);
        expect(res.status).toBeLessThan(500);
        if (!res.body.ok) expect(['forbidden', 'unauthenticated', 'internal']).not.toContain(res.body.error.code);
      });
    }
  });

  it('refuses a revoked device with 401 on the next call', async () => {
    const { deviceId, token } = await pairDevice(hall.url, adminToken, 'display');
    expect((await post(hall.url, 'hall/status', {}, token)).status).toBe(200);
    await postOk(hall.url, 'devices/revoke', { id: deviceId }, adminToken);
    expect((await post(hall.url, 'hall/status', {}, token)).status).toBe(401);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every contract method with its roles', async () => {
    const response = await fetch(`${hall.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, { post?: { 'x-roles'?: string[] } }> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      Object.keys(contract)
        .map((name) => `/api/${name}`)
        .sort(),
    );
    for (const [name, spec] of Object.entries(contract)) {
      expect(doc.paths[`/api/${name}`]?.post?.['x-roles'], name).toEqual([...spec.roles]);
    }
  });
});

type PushEvent = { seq: number; type: string; payload: Record<string, unknown>; audience: string[] };
type PushMessage =
  { kind: 'hello'; seq: number; time: { at: string; timeZone: string; day: string } } | { kind: 'event'; event: PushEvent } | { kind: 'resync'; seq: number };

type PushClient = {
  messages: PushMessage[];
  events: () => PushEvent[];
  /** The first message, received or still to come, that matches. */
  waitFor: {
    <M extends PushMessage>(match: (message: PushMessage) => message is M, timeoutMs?: number): Promise<M>;
    (match: (message: PushMessage) => boolean, timeoutMs?: number): Promise<PushMessage>;
  };
  closed: Promise<{ code: number; reason: string }>;
  close: () => Promise<void>;
};

const openSockets = new Set<PushClient>();

/** Connects to /api/events with the global WebSocket (what a browser screen uses) and sends `hello` first. */
async function connectPush(hello: unknown): Promise<PushClient> {
  const socket = new WebSocket(`${hall.url.replace(/^http/, 'ws')}/api/events`);
  const messages: PushMessage[] = [];
  const waiters = new Set<() => void>();
  socket.addEventListener('message', (event) => {
    messages.push(JSON.parse(String(event.data)) as PushMessage);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((done) => {
    socket.addEventListener('close', (event) => {
      done({ code: event.code, reason: event.reason });
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((done, failed) => {
    socket.addEventListener('open', () => done(), { once: true });
    socket.addEventListener('error', () => failed(new Error('push socket failed to open')), { once: true });
  });
  socket.send(typeof hello === 'string' ? hello : JSON.stringify(hello));
  const client: PushClient = {
    messages,
    events: () => messages.flatMap((m) => (m.kind === 'event' ? [m.event] : [])),
    waitFor(match: (message: PushMessage) => boolean, timeoutMs = 5000) {
      return new Promise<PushMessage>((done, failed) => {
        const check = () => {
          const found = messages.find(match);
          if (found) {
            finish();
            done(found);
          } else if (socket.readyState === WebSocket.CLOSED) {
            finish();
            failed(new Error(`socket closed before the awaited message; got ${JSON.stringify(messages)}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          failed(new Error(`timed out waiting for a push message; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    closed,
    async close() {
      openSockets.delete(client);
      if (socket.readyState !== WebSocket.CLOSED) socket.close();
      await closed;
    },
  };
  openSockets.add(client);
  return client;
}

const isHello = (m: PushMessage): m is Extract<PushMessage, { kind: 'hello' }> => m.kind === 'hello';
const isStaffChanged = (staffId: number) => (m: PushMessage) => m.kind === 'event' && m.event.type === 'staff/changed' && m.event.payload.staffId === staffId;
const lastSeqOf = (client: PushClient) => Math.max(...client.messages.map((m) => (m.kind === 'event' ? m.event.seq : m.seq)));

async function createSomeone(): Promise<number> {
  const workNo = nextWorkNo('P');
  const { id } = await postOk<{ id: number }>(hall.url, 'staff/create', { workNo, name: `Pushed ${workNo}`, password: PASSWORD, roles: ['clerk'] }, adminToken);
  return id;
}

describe('push on /api/events', () => {
  afterAll(async () => {
    await Promise.all([...openSockets].map((s) => s.close()));
  });

  it('greets a valid token with hello and the current seq', async () => {
    const client = await connectPush({ token: await tokenFor('manager') });
    const hello = await client.waitFor(isHello);
    expect(hello).toMatchObject({ kind: 'hello', seq: hall.core.events.lastSeq(), time: { timeZone: 'Asia/Shanghai', day: '2026-11-25' } });
    // The hall clock's instant, not the machine's: pinned at 10:00 hall time and running since.
    const at = Date.parse(hello.time.at);
    expect(at).toBeGreaterThanOrEqual(Date.parse(TEST_HALL_START));
    expect(at - Date.parse(TEST_HALL_START)).toBeLessThan(10 * 60_000);
    await client.close();
  });

  it('sends staff/changed to a manager but not to a kiosk', async () => {
    const manager = await connectPush({ token: await tokenFor('manager') });
    const kiosk = await connectPush({ token: await tokenFor('kiosk') });
    await Promise.all([manager.waitFor(isHello), kiosk.waitFor(isHello)]);

    const staffId = await createSomeone();
    await manager.waitFor(isStaffChanged(staffId));

    // Events reach a socket in order, so once the kiosk has an event emitted after
    // staff/changed, it would already hold staff/changed had it been sent.
    hall.core.tick();
    const marker = hall.core.events.lastSeq();
    await kiosk.waitFor((m) => m.kind === 'event' && m.event.seq === marker);
    expect(kiosk.events().map((e) => e.type)).not.toContain('staff/changed');
    expect(kiosk.events().every((e) => e.audience.includes('kiosk') || e.audience.includes('public'))).toBe(true);

    await Promise.all([manager.close(), kiosk.close()]);
  });

  it('replays exactly the missed events once after reconnecting with since', async () => {
    const token = await tokenFor('manager');
    const first = await connectPush({ token });
    await first.waitFor(isHello);
    const before = await createSomeone();
    await first.waitFor(isStaffChanged(before));
    const since = lastSeqOf(first);
    await first.close();

    const missed = [await createSomeone(), await createSomeone()];

    const second = await connectPush({ token, since });
    const hello = await second.waitFor(isHello);
    expect(hello.seq).toBeGreaterThan(since);
    for (const id of missed) await second.waitFor(isStaffChanged(id));
    const live = await createSomeone();
    const liveMessage = await second.waitFor(isStaffChanged(live));
    const liveSeq = liveMessage.kind === 'event' ? liveMessage.event.seq : -1;

    const events = second.events();
    const staffIds = events.filter((e) => e.type === 'staff/changed').map((e) => e.payload.staffId);
    expect(staffIds).toEqual([...missed, live]);
    // A manager may see every event, so what arrived is the unbroken run after `since`.
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: liveSeq - since }, (_, i) => since + 1 + i));
    expect(second.messages.filter((m) => m.kind === 'resync')).toEqual([]);
    await second.close();
  });

  it.each([
    { label: 'an unknown token', hello: { token: 'not-a-real-token' } },
    { label: 'no token', hello: {} },
  ])('closes a socket with $label with 4401', async ({ hello }) => {
    const client = await connectPush(hello);
    expect((await client.closed).code).toBe(4401);
    expect(client.messages).toEqual([]);
  });

  it('closes a socket whose session was ended with 4401', async () => {
    const { token } = await pairDevice(hall.url, adminToken, 'rate');
    await postOk(hall.url, 'auth/logout', {}, token);
    const client = await connectPush({ token });
    expect((await client.closed).code).toBe(4401);
  });

  it('closes a socket whose first message is not a hello with 1008', async () => {
    const client = await connectPush('not json');
    expect((await client.closed).code).toBe(1008);
  });
});
