import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createStaff, login, postOk, startTestHall, type TestHall } from './hall-fixture.ts';

// The administrator's release upload and diagnostics export on a real hall over HTTP.

let hall: TestHall;
let admin: string;
let manager: string;
const installer = randomBytes(256 * 1024);

beforeAll(async () => {
  hall = await startTestHall();
  admin = await login(hall.url, await createAdmin(hall.url));
  manager = (await createStaff(hall.url, admin, ['manager'])).token;
}, 30_000);
afterAll(() => hall.stop());

const put = (name: string, body: Buffer | string, token: string) =>
  fetch(`${hall.url}/api/updates/files/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });

describe('a release uploaded from the manager’s desk', () => {
  it('streams the installer and its update file into the release folder, lists them, serves them, and audits the upload', async () => {
    expect((await put('OneWindow-Setup-2.0.0.exe', installer, admin)).status).toBe(200);
    const answer = await put('latest.yml', 'version: 2.0.0\nfiles:\n  - url: OneWindow-Setup-2.0.0.exe\npath: OneWindow-Setup-2.0.0.exe\n', admin);
    expect(await answer.json()).toMatchObject({
      ok: true,
      value: { releases: [{ platform: 'windows', version: '2.0.0', installerPresent: true, sizeBytes: installer.length }] },
    });
    const listed = await (await fetch(`${hall.url}/api/updates/releases`, { headers: { authorization: `Bearer ${admin}` } })).json();
    expect(listed).toMatchObject({ ok: true, value: { releases: [{ platform: 'windows', version: '2.0.0' }] } });
    const served = await fetch(`${hall.url}/updates/OneWindow-Setup-2.0.0.exe`);
    expect(Buffer.from(await served.arrayBuffer()).equals(installer)).toBe(true);
    // No half-written file is left beside them.
    expect(readdirSync(join(hall.dataDir, 'releases')).sort()).toEqual(['OneWindow-Setup-2.0.0.exe', 'latest.yml']);
    const audit = await postOk<{ entries: Array<{ action: string; target: string }> }>(hall.url, 'audit/list', { action: 'updates.' }, admin);
    expect(audit.entries.map((e) => e.target).sort()).toEqual(['file:OneWindow-Setup-2.0.0.exe', 'file:latest.yml']);
  });

  it('is refused to a manager, without a session, and for a name that is not a release file', async () => {
    expect((await put('latest.yml', 'version: 6.6.6', manager)).status).toBe(403);
    expect((await put('latest.yml', 'version: 6.6.6', 'nonsense')).status).toBe(403);
    for (const name of ['../onewindow.db', 'onewindow.db', '.htaccess']) {
      const response = await put(name, 'x', admin);
      expect(response.status, name).toBeGreaterThanOrEqual(400);
    }
    expect(readdirSync(hall.dataDir)).not.toContain('onewindow.db.tmp');
    expect(readdirSync(join(hall.dataDir, 'releases')).sort()).toEqual(['OneWindow-Setup-2.0.0.exe', 'latest.yml']);
  });
});

describe('导出诊断信息 from the manager’s desk', () => {
  it('gives the administrator a zip without the ID number and phone in the hall’s log, and refuses a manager', async () => {
    mkdirSync(join(hall.dataDir, 'logs'), { recursive: true });
    writeFileSync(join(hall.dataDir, 'logs', 'onewindow.log'), '{"msg":"lookup 110101199003077758 by 13912345678"}\n');
    expect((await fetch(`${hall.url}/api/diagnostics.zip`, { headers: { authorization: `Bearer ${manager}` } })).status).toBe(403);
    const response = await fetch(`${hall.url}/api/diagnostics.zip`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['about.json', 'hall.json', 'logs/onewindow.log', 'versions.json']);
    const log = strFromU8(files['logs/onewindow.log']!);
    expect(log).not.toMatch(/110101199003077758|13912345678/);
    expect(log).toContain('lookup [id-number] by [phone]');
  });
});
