import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHall, type RunningHall } from '../server/hall.ts';
import { secretKeyFile } from '../utility-link/secret-box.ts';
import { PASSWORD, tempDataDir, testHallClock } from '../../test/integration/hall-fixture.ts';
import type { Settings } from './settings.ts';
import { pcSetupChannels } from '../../common/ipc-channels.ts';
import { hashPin } from './admin-pin.ts';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (ipcMain records the handlers; the test calls them as Electron would).
// The hall is real: HTTPS with its own CA on 127.0.0.1, over a fresh SQLite file.
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { registerPcSetupBridge } = await import('./pc-setup-bridge.ts');

const log = pino({ level: 'silent' });
const now = () => testHallClock().now();
let hall: RunningHall;
let hallDir: string;
let dir: string;
let file: string;
let clerkWorkNo: string;

const fromPage = { senderFrame: { url: 'app://hall/pc-setup' }, sender: { id: 7 } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' }, sender: { id: 8 } };
const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler on ${channel}`);
  return handler(event, ...args) as Promise<any>;
};

beforeAll(async () => {
  hallDir = tempDataDir();
  hall = await startHall({ dataDir: hallDir, host: '127.0.0.1', port: 0, logLevel: 'silent', clock: testHallClock(), tls: { kind: 'own' }, advertise: false });
  await hall.backend.call('setup/createAdmin', { hallName: 'Test hall', workNo: 'A0001', name: '管理员', password: PASSWORD }, undefined);
  const admin = await hall.backend.call('auth/login', { workNo: 'A0001', password: PASSWORD }, undefined);
  if (!admin.ok) throw new Error('admin login failed');
  clerkWorkNo = 'C0001';
  const token = (admin.value as { token: string }).token;
  const clerk = await hall.backend.call('staff/create', { workNo: clerkWorkNo, name: 'Clerk', password: PASSWORD, roles: ['clerk'] }, token);
  if (!clerk.ok) throw new Error(JSON.stringify(clerk.error));
}, 60_000);

afterAll(async () => {
  await hall.close();
  rmSync(hallDir, { recursive: true, force: true });
  rmSync(secretKeyFile(hallDir), { force: true });
});

beforeEach(() => {
  fake.resetElectronFake();
  dir = mkdtempSync(join(tmpdir(), 'ow-pcsetup-'));
  file = join(dir, 'settings.json');
  return () => rmSync(dir, { recursive: true, force: true });
});

function register(current: Settings | undefined, embedded = false) {
  const restart = vi.fn();
  registerPcSetupBridge({
    settingsFile: file,
    current,
    brokenKept: false,
    log,
    now,
    discover: async () => [{ name: 'Test hall', url: hall.url, fingerprint: hall.certificate.caFingerprint }],
    restart,
    ...(embedded ? { embeddedCall: (name: string, input: unknown, token: string | undefined) => hall.backend.call(name, input, token) } : {}),
  });
  return restart;
}

describe('the first-start wizard’s bridge', () => {
  it('lists the displays, probes the hall, and saves a counter with the pin it probed, then restarts', async () => {
    fake.setDisplays([
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } },
    ]);
    const restart = register(undefined);
    expect(await invoke(pcSetupChannels.state, fromPage)).toEqual({
      current: null,
      adminNeeded: false,
      brokenKept: false,
      displays: [
        { id: 1, width: 1920, height: 1080, primary: true },
        { id: 2, width: 1280, height: 800, primary: false },
      ],
    });
    // Saving an address whose certificate was never shown is refused.
    expect(await invoke(pcSetupChannels.save, fromPage, { role: 'counter', hallUrl: hall.url, counter: 3, customerDisplay: 2 })).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.pcSetup.notCompared' },
    });
    const probed = await invoke(pcSetupChannels.probe, fromPage, hall.url);
    expect(probed).toEqual({
      ok: true,
      value: { url: hall.url, https: true, fingerprint: hall.certificate.caFingerprint, thumbprint: hall.certificate.caThumbprint },
    });
    expect(await invoke(pcSetupChannels.save, fromPage, { role: 'counter', hallUrl: hall.url, counter: 3, customerDisplay: 2 })).toEqual({
      ok: true,
      value: {},
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 2,
      role: 'counter',
      hallUrl: hall.url,
      hallCertificate: hall.certificate.caFingerprint,
      counter: 3,
      customerDisplay: 2,
    });
    await vi.waitFor(() => expect(restart).toHaveBeenCalledOnce());
  });

  it('refuses a page that is not the app’s own, and plain http to another PC', async () => {
    register(undefined);
    expect(await invoke(pcSetupChannels.probe, fromElsewhere, hall.url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(pcSetupChannels.save, fromElsewhere, { role: 'hallServer', lan: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(file)).toBe(false);
    expect(await invoke(pcSetupChannels.probe, fromPage, 'http://192.168.1.10:4720')).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.pcSetup.httpsNeeded' },
    });
  });

  it('makes this PC the hall server reachable from the LAN', async () => {
    register(undefined);
    expect(await invoke(pcSetupChannels.save, fromPage, { role: 'hallServer', lan: true, customerDisplay: null })).toEqual({ ok: true, value: {} });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 2, role: 'hallServer', host: '0.0.0.0', port: 4720, customerDisplay: null });
  });
});

describe('changing the role later', () => {
  it('on a client PC needs an administrator of the hall, checked by the hall over the pinned certificate', async () => {
    const current: Settings = { version: 2, role: 'kiosk', hallUrl: hall.url, hallCertificate: hall.certificate.caFingerprint ?? '' };
    register(current);
    expect(await invoke(pcSetupChannels.probe, fromPage, hall.url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(pcSetupChannels.save, fromPage, { role: 'hallServer', lan: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(pcSetupChannels.verifyAdmin, fromPage, 'A0001', 'wrong-Passw0rd')).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.badCredentials' },
    });
    expect(await invoke(pcSetupChannels.verifyAdmin, fromPage, clerkWorkNo, PASSWORD)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.pcSetup.adminOnly' },
    });
    expect(await invoke(pcSetupChannels.verifyAdmin, fromPage, 'A0001', PASSWORD)).toEqual({ ok: true, value: { name: '管理员' } });
    // Verified for the page that signed in, not for another window.
    expect(await invoke(pcSetupChannels.save, { ...fromPage, sender: { id: 99 } }, { role: 'hallServer', lan: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await invoke(pcSetupChannels.probe, fromPage, hall.url)).toMatchObject({ ok: true });
    expect(await invoke(pcSetupChannels.save, fromPage, { role: 'board', hallUrl: hall.url, display: 1 })).toEqual({ ok: true, value: {} });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ role: 'board', display: 1 });
  });

  it('keeps what belongs to the PC (unlock PIN, printer, start at login) across a change of role', async () => {
    const pinned = {
      version: 2,
      role: 'kiosk',
      hallUrl: hall.url,
      hallCertificate: hall.certificate.caFingerprint ?? '',
      adminPinHash: hashPin('482916'),
      printerName: 'Ticket printer',
      openAtLogin: true,
    } satisfies Settings;
    register(pinned);
    expect(await invoke(pcSetupChannels.verifyAdmin, fromPage, 'A0001', PASSWORD)).toMatchObject({ ok: true });
    expect(await invoke(pcSetupChannels.probe, fromPage, hall.url)).toMatchObject({ ok: true });
    expect(await invoke(pcSetupChannels.save, fromPage, { role: 'board', hallUrl: hall.url })).toEqual({ ok: true, value: {} });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 2,
      role: 'board',
      hallUrl: hall.url,
      hallCertificate: pinned.hallCertificate,
      adminPinHash: pinned.adminPinHash,
      printerName: 'Ticket printer',
      openAtLogin: true,
    });
  });

  it('on the hall server PC checks the administrator against the hall inside the app', async () => {
    register({ version: 2, role: 'hallServer', host: '127.0.0.1', port: 4720 }, true);
    expect(await invoke(pcSetupChannels.state, fromPage)).toMatchObject({ current: { role: 'hallServer', hallUrl: null }, adminNeeded: true });
    expect(await invoke(pcSetupChannels.verifyAdmin, fromPage, clerkWorkNo, PASSWORD)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(pcSetupChannels.verifyAdmin, fromPage, 'A0001', PASSWORD)).toMatchObject({ ok: true });
    expect(await invoke(pcSetupChannels.save, fromPage, { role: 'hallServer', lan: false, customerDisplay: undefined })).toEqual({ ok: true, value: {} });
  });
});
