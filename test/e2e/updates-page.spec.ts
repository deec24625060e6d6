import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { apiFor, residentId } from './hall-api.ts';
import { expect, test } from './hall-fixture.ts';

const password = 'Hall2026pass';

test('the administrator uploads a release the hall then serves, and exports diagnostics without personal data; a manager has no such page', async ({
  page,
  hall,
  browser,
}) => {
  // Seed only: the administrator and a manager, and the administrator's session in the page.
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'M001', name: '李经理', password, roles: ['manager'] }, admin)).ok).toBe(true);
  const manager = (await api<{ token: string }>('auth/login', { workNo: 'M001', password })).value.token;
  await page.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), admin);

  await page.goto(`${hall.url}/manage`);
  await page.getByRole('navigation').getByRole('link', { name: '软件更新' }).click();
  await expect(page.getByRole('heading', { name: '软件更新', exact: true })).toBeVisible();
  await expect(page.getByText(/^大厅服务器的版本：\d+\.\d+\.\d+/)).toBeVisible();
  const served = page.getByRole('table', { name: '大厅提供给各电脑的版本' });
  const windows = served.getByRole('row').filter({ hasText: 'Windows（64 位）' });
  await expect(windows).toContainText('未提供');

  // A small fake release, picked update file first: the page sends the installer before it.
  const installer = Buffer.alloc(300 * 1024, 7);
  const yml =
    "version: 9.9.9\nfiles:\n  - url: OneWindow-Setup-9.9.9.exe\n    size: 307200\npath: OneWindow-Setup-9.9.9.exe\nreleaseDate: '2026-11-20T08:00:00.000Z'\n";
  const upload = page.getByRole('region', { name: '上传新版本' });
  await upload.getByLabel('选择文件').setInputFiles([
    { name: 'latest.yml', mimeType: 'text/yaml', buffer: Buffer.from(yml) },
    { name: 'OneWindow-Setup-9.9.9.exe', mimeType: 'application/octet-stream', buffer: installer },
  ]);
  await expect(upload.getByRole('listitem')).toHaveText(['OneWindow-Setup-9.9.9.exe（0.3 MB）', 'latest.yml（0.0 MB）']);
  await upload.getByRole('button', { name: '开始上传' }).click();
  await expect(upload.getByRole('status').filter({ hasText: '已上传 2 个文件' })).toBeVisible();
  await expect(windows).toContainText('9.9.9');
  await expect(windows).toContainText('已就绪：OneWindow-Setup-9.9.9.exe（0.3 MB）');
  // The date as the hall's clock reads it, never the file's ISO text.
  await expect(windows).toContainText('2026/11/20 16:00');
  await expect(page.locator('main, body').first()).not.toContainText('2026-11-20T');

  // The PCs' update feed answers with the new release and its installer.
  const feed = await page.request.get(`${hall.url}/updates/latest.yml`);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toBe(yml);
  const served9 = await page.request.get(`${hall.url}/updates/OneWindow-Setup-9.9.9.exe`);
  expect(Buffer.from(await served9.body()).equals(installer)).toBe(true);

  // A log line in the hall's data folder that held a citizen's ID number.
  const idNumber = residentId('50011219850101123');
  mkdirSync(join(hall.dataDir, 'logs'), { recursive: true });
  writeFileSync(join(hall.dataDir, 'logs', 'onewindow.log'), `{"level":40,"service":"hall","msg":"lookup failed for ${idNumber}"}\n`);
  const diagnostics = page.getByRole('region', { name: '导出诊断信息' });
  const download = page.waitForEvent('download');
  await diagnostics.getByRole('button', { name: '导出诊断信息' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^onewindow-diagnostics-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = readFileSync(await file.path());
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  const entries = unzipSync(new Uint8Array(zip));
  expect(Object.keys(entries)).toContain('logs/onewindow.log');
  const text = Object.values(entries)
    .map((bytes) => strFromU8(bytes))
    .join('\n');
  expect(text).toContain('lookup failed for [id-number]');
  expect(text).not.toContain(idNumber);
  await expect(diagnostics.getByRole('status')).toHaveText('诊断信息已生成并保存。');

  // A manager runs the hall but is not its administrator: no 软件更新 in the navigation.
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), manager);
  const managerPage = await context.newPage();
  await managerPage.goto(`${hall.url}/manage`);
  const nav = managerPage.getByRole('navigation');
  await expect(nav.getByRole('link', { name: '数据备份' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '软件更新' })).toHaveCount(0);
  await context.close();
});
