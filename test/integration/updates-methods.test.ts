import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createStaff, login, post, postOk, startTestHall, type TestHall } from './hall-fixture.ts';

// The 软件更新 page's methods, which the desktop app's windows call over IPC (no HTTP routes
// there): the same listing as GET /api/updates/releases and the diagnostics zip as base64.
// Called here over the hall's POST /api/<method>, which dispatches through the same core.

const ID = '110101199003077758';
let hall: TestHall;
let admin: string;
let manager: string;

beforeAll(async () => {
  hall = await startTestHall();
  admin = await login(hall.url, await createAdmin(hall.url));
  manager = (await createStaff(hall.url, admin, ['manager'])).token;
}, 30_000);
afterAll(() => hall.stop());

type Listing = {
  available: true;
  hallVersion: string;
  releasesDir: string;
  hallUrl: string;
  releases: Array<{ platform: string; version: string; file: string; installerPresent: boolean }>;
};
type Export = { available: true; fileName: string; zipBase64: string; logFiles: number; logFilesLeftOut: number; logLimitBytes: number };

describe('updates/releases', () => {
  it('gives the administrator the hall’s version, release folder, address and per platform what it serves', async () => {
    const releases = join(hall.dataDir, 'releases');
    const empty = await postOk<Listing>(hall.url, 'updates/releases', {}, admin);
    expect(empty).toMatchObject({
      available: true,
      hallVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      releasesDir: releases,
      hallUrl: hall.url,
      releases: [],
    });
    writeFileSync(join(releases, 'OneWindow-2.0.0-arm64.AppImage'), 'appimage bytes');
    writeFileSync(join(releases, 'latest-linux-arm64.yml'), 'version: 2.0.0\npath: OneWindow-2.0.0-arm64.AppImage\n');
    writeFileSync(join(releases, 'latest.yml'), 'version: 2.0.0\npath: OneWindow-Setup-2.0.0.exe\n');
    const listed = await postOk<Listing>(hall.url, 'updates/releases', {}, admin);
    expect(listed.releases).toEqual([
      expect.objectContaining({ platform: 'windows', version: '2.0.0', file: 'OneWindow-Setup-2.0.0.exe', installerPresent: false }),
      expect.objectContaining({ platform: 'linuxArm64', version: '2.0.0', file: 'OneWindow-2.0.0-arm64.AppImage', installerPresent: true }),
    ]);
  });

  it('is refused to a manager and without a session', async () => {
    expect((await post(hall.url, 'updates/releases', {}, manager)).status).toBe(403);
    expect((await post(hall.url, 'updates/releases', {})).status).toBeGreaterThanOrEqual(401);
  });
});

describe('diagnostics/export', () => {
  it('returns the zip without the ID number a log line held, and audits it', async () => {
    mkdirSync(join(hall.dataDir, 'logs'), { recursive: true });
    writeFileSync(join(hall.dataDir, 'logs', 'onewindow.log'), `{"level":40,"msg":"lookup failed for ${ID}"}\n`);
    const made = await postOk<Export>(hall.url, 'diagnostics/export', {}, admin);
    expect(made).toMatchObject({
      available: true,
      fileName: 'onewindow-diagnostics-2026-11-25.zip',
      logFiles: 1,
      logFilesLeftOut: 0,
      logLimitBytes: 20 * 1024 * 1024,
    });
    const bytes = Buffer.from(made.zipBase64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toContain('logs/onewindow.log');
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(text).not.toContain(ID);
    expect(text).toContain('lookup failed for [id-number]');
    const audit = await postOk<{ entries: Array<{ action: string; actorStaffId: number | null }> }>(hall.url, 'audit/list', { action: 'diagnostics.' }, admin);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]?.actorStaffId).toEqual(expect.any(Number));
  });

  it('is refused to a manager', async () => {
    const answer = await post(hall.url, 'diagnostics/export', {}, manager);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ ok: false, error: { messageKey: 'errors.forbidden' } });
  });
});
