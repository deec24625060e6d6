import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownVersion } from '../../main/shared/app-version.ts';
import { startTestHall, type TestHall } from './hall-fixture.ts';

// The hall's update feed as electron-updater's generic provider reads it, on a real hall over
// HTTP, with a release an administrator dropped into <data>/releases.

let hall: TestHall;
const installer = randomBytes(64 * 1024);
const installerName = 'OneWindow-Setup-9.9.9.exe';
const latestYml = `version: 9.9.9\nfiles:\n  - url: ${installerName}\n    sha512: abc\n    size: ${installer.length}\npath: ${installerName}\nsha512: abc\nreleaseDate: '2026-11-20T08:00:00.000Z'\n`;

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  hall = await startTestHall();
  const releases = join(hall.dataDir, 'releases');
  mkdirSync(releases, { recursive: true });
  writeFileSync(join(releases, 'latest.yml'), latestYml);
  writeFileSync(join(releases, installerName), installer);
  writeFileSync(join(releases, 'notes.txt'), 'not a release file');
});
afterAll(() => hall.stop());

describe('the update feed at /updates/', () => {
  it('serves the update file as YAML, not cached on the way', async () => {
    const response = await fetch(`${hall.url}/updates/latest.yml?noCache=1a2b`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/yaml/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(latestYml);
  });

  it('streams the installer whole, by HEAD, and by byte range (differential download)', async () => {
    const whole = await fetch(`${hall.url}/updates/${installerName}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/vnd.microsoft.portable-executable');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(installer)).toBe(true);

    const head = await fetch(`${hall.url}/updates/${installerName}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(installer.length));

    const part = await fetch(`${hall.url}/updates/${installerName}`, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${installer.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(installer.subarray(1000, 2000))).toBe(true);
  });

  it('lists nothing, serves no other kind of file, and refuses a way out of the folder', async () => {
    const listing = await rawGet(hall.url, '/updates/');
    expect(listing.status).toBe(404);
    expect(listing.body.toString()).not.toContain(installerName);
    expect((await rawGet(hall.url, '/updates/notes.txt')).status).toBe(404);
    for (const path of [
      '/updates/../onewindow.db',
      '/updates/..%2fonewindow.db',
      '/updates/%2e%2e/%2e%2e/etc/passwd',
      '/updates/..%5conewindow.db',
      '/updates/.latest.yml',
    ]) {
      const response = await rawGet(hall.url, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body.includes(Buffer.from('SQLite format')), path).toBe(false);
    }
  });
});

describe('the version gate', () => {
  it('answers a desktop app this hall cannot serve with 426, saying what to install and where', async () => {
    const old = { 'content-type': 'application/json', 'x-onewindow-client': 'desktop/0.0.1' };
    const api = await fetch(`${hall.url}/api/hall/time`, { method: 'POST', headers: old, body: '{}' });
    expect(api.status).toBe(426);
    expect(await api.json()).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.clientOutdated', details: { client: '0.0.1', install: ownVersion(), updatesUrl: `${hall.url}/updates/` } },
    });

    const page = await fetch(`${hall.url}/counter`, { headers: { 'x-onewindow-client': 'desktop/0.0.1', 'accept-language': 'zh-CN' } });
    expect(page.status).toBe(426);
    const text = await page.text();
    expect(text).toContain(`${hall.url}/updates/`);
    expect(text).toContain('请安装');

    const newer = await fetch(`${hall.url}/api/hall/time`, { method: 'POST', headers: { ...old, 'x-onewindow-client': 'desktop/99.0.0' }, body: '{}' });
    expect(newer.status).toBe(426);
  });

  it('still lets that app download its update, and serves its own version and browsers as before', async () => {
    expect((await fetch(`${hall.url}/updates/latest.yml`, { headers: { 'x-onewindow-client': 'desktop/0.0.1' } })).status).toBe(200);
    const same = await fetch(`${hall.url}/api/hall/time`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-onewindow-client': `desktop/${ownVersion()}` },
      body: '{}',
    });
    expect(same.status).toBe(200);
    const browser = await fetch(`${hall.url}/api/hall/time`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(browser.status).toBe(200);
  });
});
