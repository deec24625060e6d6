import { type ChildProcess, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');
const screenshots = join(root, 'docs', 'screenshots');

/**
 * A hall on the LAN (bound to 0.0.0.0, so HTTPS with its own CA), started as `npm run hall`
 * is; the console's lines are what IT reads the fingerprint from.
 */
async function startLanHall(): Promise<{ url: string; fingerprint: string; child: ChildProcess; scratch: string }> {
  const scratch = mkdtempSync(join(tmpdir(), 'onewindow-e2e-tls-'));
  const child = spawn(
    process.execPath,
    [
      'main/server/cli.ts',
      '--data',
      join(scratch, 'data'),
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--log-level',
      'warn',
      '--clock-start',
      '2026-11-25T10:00:00+08:00',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hall did not start: ${err}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (https:\/\/\S+)/.exec(out)?.[1];
      const fingerprint = /SHA-256 ([0-9A-F:]{95})/.exec(out)?.[1];
      if (url && fingerprint) {
        clearTimeout(timer);
        // The hall listens on every address; the browser reaches it on loopback, a name its certificate carries.
        resolve({ url: url.replace('0.0.0.0', '127.0.0.1'), fingerprint, child, scratch });
      }
    });
  });
}

test('a PC comes to trust the hall: the /trust page shows the fingerprint the console printed and hands out that CA', async ({ browser }) => {
  const hall = await startLanHall();
  try {
    // The first visit, before the CA is installed, is the one the browser warns about: accepted here.
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${hall.url}/trust`);
    await expect(page.getByRole('heading', { name: '信任本大厅的证书' })).toBeVisible();
    await expect(page.getByTestId('ca-fingerprint')).toHaveText(hall.fingerprint);
    await expect(page.getByRole('heading', { name: 'Windows' })).toBeVisible();
    await expect(page.getByText('受信任的根证书颁发机构', { exact: false })).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'trust-zh.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载大厅证书' }).click()]);
    const file = await download.path();
    expect(new X509Certificate(readFileSync(file, 'utf8')).fingerprint256).toBe(hall.fingerprint);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: "Trust this hall's certificate" })).toBeVisible();
    await expect(page.getByText('Trusted Root Certification Authorities', { exact: false })).toBeVisible();
    await context.close();
  } finally {
    hall.child.kill('SIGTERM');
    await new Promise((r) => hall.child.once('exit', r));
    rmSync(hall.scratch, { recursive: true, force: true });
  }
});
