import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';
import { HALL_DAY, seedHallDay } from '../fixtures/hall-day.ts';
import { expect, test } from './hall-fixture.ts';

const admin = { hallName: '测试大厅', workNo: 'A001', name: '王管理', password: 'Hall2026pass' };

test('the daily report of a seeded day: on screen, as a two-page A4 PDF and as Excel, with the known figures', async ({ page, hall }) => {
  const api = async (name: string, body: unknown, token?: string) => {
    const res = await page.request.post(`${hall.url}/api/${name}`, { data: body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  };
  expect((await api('setup/createAdmin', admin)).ok).toBe(true);
  // The hall server is running on this folder: seed the day beside it, as the records of a real day would be.
  const db = openDatabase(databaseFile(hall.dataDir));
  try {
    seedHallDay(db);
  } finally {
    closeDatabase(db);
  }

  await page.goto(`${hall.url}/manage`);
  await page.getByLabel('工号').fill(admin.workNo);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '报表与实况' }).click();
  await page.getByRole('link', { name: '日报' }).click();
  await page.getByLabel('日期').fill(HALL_DAY);

  const sheet = page.getByTestId('report-sheet');
  await expect(sheet.getByRole('heading', { name: '测试大厅水电气讯联办窗口日报（2026年11月20日）' })).toBeVisible();
  await expect(page.getByTestId('summary-ticketsIssued')).toContainText('12');
  await expect(page.getByTestId('summary-waitAvgMin')).toContainText('7.3');
  await expect(page.getByTestId('summary-waitP90Min')).toContainText('18.0');
  await expect(page.getByTestId('summary-feesYuan')).toContainText('745.00');
  await expect(page.getByTestId('report-times-clerk').getByRole('row', { name: /李娜/ })).toContainText('6.5');
  // Charts are SVG in the page, so they print.
  await expect(page.getByTestId('chart-tickets').locator('svg')).toBeVisible();
  await expect(page.getByTestId('chart-completion').locator('svg')).toBeVisible();

  const dir = mkdtempSync(join(tmpdir(), 'onewindow-reports-'));
  try {
    // The PDF as Chromium prints it (print CSS, A4 from the page's @page rule).
    const pdfFile = join(dir, 'daily.pdf');
    writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    // To look at it: ONEWINDOW_KEEP_PDF=/tmp/daily.pdf.
    if (process.env.ONEWINDOW_KEEP_PDF) copyFileSync(pdfFile, process.env.ONEWINDOW_KEEP_PDF);
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const [page1 = '', page2 = ''] = text.split('\f');
    expect(page1).toContain('测试大厅水电气讯联办窗口日报（2026年11月20日）');
    expect(page1).toMatch(/取号数\s+12/);
    expect(page1).toMatch(/平均等候（分）\s+7\.3/);
    expect(page1).toMatch(/等候 P90（分）\s+18\.0/);
    expect(page1).toMatch(/李娜 \(C101\)\s+4\s+6\.5\s+12\.0\s+7\.8\s+14\.0/);
    expect(page1).not.toContain('4号窗口');
    expect(page2).toMatch(/合计\s+7\s+11\s+745\.00/);
    expect(page2).toContain('整改中');
    // The charts' labels are text in the PDF too: 基本满意 is only on the ratings chart's axis.
    expect(page2).toContain('基本满意');

    // Excel, built on the hall server, downloaded by the browser and read back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`daily-report-${HALL_DAY}.xlsx`);
    const xlsx = join(dir, 'daily.xlsx');
    await download.saveAs(xlsx);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    const cells = (sheetName: string) => {
      const rows: unknown[][] = [];
      book.getWorksheet(sheetName)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const summary = new Map(cells('概要').map((r) => [r[0], r[1]]));
    expect(summary.get('取号数')).toBe(12);
    expect(summary.get('办结数')).toBe(9);
    expect(summary.get('过号数')).toBe(2);
    expect(summary.get('等候 P90（分）')).toBe(18);
    expect(summary.get('收费（元）')).toBe(745);
    expect(summary.get('评价完成率')).toBe(88.9);
    const times = cells('时长').find((r) => r[1] === '李娜 (C101)');
    expect(times).toEqual(['工作人员', '李娜 (C101)', 4, 6.5, 12, 7.8, 14]);
    const gas = cells('收费').find((r) => r[0] === '燃气');
    expect(gas?.[1]).toBe(456);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The month for the leading group, with the month before beside it (computed in the hall's report workers).
  await page.getByRole('link', { name: '月报' }).click();
  await page.getByLabel('月份').fill('2026-11');
  await expect(sheet.getByRole('heading', { name: '测试大厅水电气讯联办窗口月报（2026年11月）' })).toBeVisible();
  const issued = page.getByTestId('summary-ticketsIssued');
  // 12 tickets on the seeded day and 1 the day before; nothing in October.
  await expect(issued.locator('td')).toHaveText(['13', '0', '+13']);
  await expect(page.getByTestId('report-summary').locator('thead')).toContainText('2026-10');
});

test('the live hall shows the alerts, and a clerk can open neither the reports nor their methods', async ({ page, hall }) => {
  const api = async (name: string, body: unknown, token?: string) => {
    const res = await page.request.post(`${hall.url}/api/${name}`, { data: body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return { status: res.status(), body: (await res.json()) as { ok: boolean; value?: { token?: string }; error?: { code: string } } };
  };
  expect((await api('setup/createAdmin', admin)).body.ok).toBe(true);
  const adminToken = (await api('auth/login', { workNo: admin.workNo, password: admin.password })).body.value?.token;
  expect((await api('staff/create', { workNo: 'C201', name: '刘芳', password: 'Clerk2026pass', roles: ['clerk'] }, adminToken)).body.ok).toBe(true);
  const db = openDatabase(databaseFile(hall.dataDir));
  try {
    seedHallDay(db);
  } finally {
    closeDatabase(db);
  }

  await page.goto(`${hall.url}/manage/reports`);
  await page.getByLabel('工号').fill(admin.workNo);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  // The seeded day is in the past: its failed gas sync, overdue work order and deferred material are today's alerts.
  await expect(page.getByTestId('alert-syncFailed')).toContainText('1 家单位同步失败');
  await expect(page.getByTestId('alert-workOrderOverdue')).toContainText('1 个工单超期');
  await expect(page.getByTestId('alert-deferredOverdue')).toBeVisible();
  await expect(page.getByTestId('live-open')).toContainText('0');
  await expect(page.getByTestId('live-chart-waiting').locator('svg')).toBeVisible();
  // Nobody has been called today: a sentence, not an empty axis.
  await expect(page.getByTestId('live-chart-calls-empty')).toHaveText('今天还没有叫号');
  await page.getByRole('button', { name: '退出登录' }).click();

  await page.getByLabel('工号').fill('C201');
  await page.getByLabel('密码').fill('Clerk2026pass');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('您的账号无权使用此界面');
  await expect(page.getByTestId('report-sheet')).toHaveCount(0);
  const clerkToken = (await api('auth/login', { workNo: 'C201', password: 'Clerk2026pass' })).body.value?.token;
  for (const [name, body] of [
    ['reports/daily', { day: HALL_DAY }],
    ['reports/monthly', { month: HALL_DAY.slice(0, 7) }],
    ['reports/liveHall', {}],
    ['reports/dailyExcel', { day: HALL_DAY }],
  ] as const) {
    const refused = await api(name, body, clerkToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('forbidden');
  }
});
