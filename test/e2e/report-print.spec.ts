import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';
import { HALL_DAY, seedHallDay } from '../fixtures/hall-day.ts';
import { apiFor } from './hall-api.ts';
import { expect, test } from './hall-fixture.ts';

const admin = { hallName: '城东中心', workNo: 'A001', name: '王管理', password: 'Hall2026pass' };

test.use({ viewport: { width: 1366, height: 768 } });

async function pdfText(page: Page): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-report-print-'));
  try {
    const file = join(dir, 'report.pdf');
    // The PDF as Chromium prints it: the desktop app's 保存为 PDF makes it the same way (printToPDF, the page's CSS size).
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the daily and monthly reports print as a manager hands them upward: local title, numbered pages, signature lines, 无 for an empty table', async ({
  page,
  hall,
}) => {
  // Seeding: the administrator and a recorded day (the reports read them; recording them is other specs' subject).
  expect((await apiFor(page, hall)('setup/createAdmin', admin)).ok).toBe(true);
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
  const title = '城东中心水电气讯联办窗口日报（2026年11月20日）';
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(title, { timeout: 30_000 });
  const sign = page.getByTestId('report-sign');
  await expect(sign).toContainText('制表人：');
  await expect(sign).toContainText('审核人：');
  await expect(sign).toContainText('日期：');
  // The hours on the chart are hours, not bare numbers.
  await expect(page.getByTestId('chart-tickets')).toContainText('9时');

  const pages = await pdfText(page);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages[0]).toContain(title);
  pages.forEach((text, i) => expect(text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`)));
  expect(pages.at(-1)).toMatch(/制表人：[\s\S]*审核人：[\s\S]*日期：/);

  // A day with nothing recorded: every list says 无, on screen and on paper.
  await page.getByLabel('日期').fill('2026-11-02');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText('城东中心水电气讯联办窗口日报（2026年11月2日）', { timeout: 30_000 });
  await expect(page.getByTestId('report-tickets').locator('tbody tr').first()).toHaveText('无');
  await expect(page.getByTestId('report-times-clerk').locator('tbody tr').first()).toHaveText('无');
  const emptyPages = await pdfText(page);
  expect(emptyPages[0]).toMatch(/业务类别[^\n]*\n\s*无/);

  // The month, titled the same way and signed the same way.
  await page.getByRole('link', { name: '月报' }).click();
  await page.getByLabel('月份').fill('2026-11');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText('城东中心水电气讯联办窗口月报（2026年11月）', { timeout: 30_000 });
  await expect(page.getByTestId('report-sign')).toContainText('审核人：');
  const monthPages = await pdfText(page);
  expect(monthPages[0]).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${monthPages.length}\\s*页`));
});
