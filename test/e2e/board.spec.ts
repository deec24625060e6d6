import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor } from './hall-api.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const password = 'Hall2026pass';

// The hall's TV.
test.use({ viewport: { width: 1920, height: 1080 } });

const fontPx = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('the calling board fills a 1920×1080 TV with the hall, the time and every counter, and speaks after a reload with nobody clicking', async ({
  page,
  hall,
}) => {
  test.setTimeout(120_000);
  const api = apiFor(page, hall);
  // Seeded through the API (the counter's and the kiosk's screens have their own specs): the hall,
  // a clerk at counter 1 who has called A001, and the board paired.
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C001', name: '张晓清', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const clerk = (await api<{ token: string }>('auth/login', { workNo: 'C001', password })).value.token;
  const overview = (await api<{ categories: { id: number; prefix: string }[]; counters: { id: number; number: number }[] }>('queue/overview', {}, admin)).value;
  const categoryA = overview.categories.find((c) => c.prefix === 'A')?.id;
  const counter1 = overview.counters.find((c) => c.number === 1)?.id;
  for (let i = 0; i < 2; i++) expect((await api('queue/issue', { categoryId: categoryA }, admin)).ok).toBe(true);
  expect((await api('queue/openCounter', { counterId: counter1 }, clerk)).ok).toBe(true);
  expect((await api('queue/callNext', { counterId: counter1 }, clerk)).ok).toBe(true);
  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'display', name: '大厅叫号屏' }, admin)).value;
  const boardToken = (await api<{ token: string }>('devices/pair', { code })).value.token;

  // A kiosk browser started as docs/deploy.md says (Board in a browser): sound needs no click.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
  const tv = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1920, height: 1080 } });
  await tv.addInitScript((token) => localStorage.setItem('onewindow.session.display', token), boardToken);
  const board = await tv.newPage();
  await board.goto(`${hall.url}/display?test=1`);
  await expect(board.getByTestId('sound-state')).toHaveAttribute('data-sound', 'allowed');
  await expect(board.getByRole('button', { name: /启用语音播报/ })).toHaveCount(0);

  // A power cut: the board comes back by itself and announces the next call, still with nobody clicking.
  await board.reload();
  await expect(board.getByTestId('sound-state')).toHaveAttribute('data-sound', 'allowed');
  await expect(board.getByRole('button', { name: /启用语音播报/ })).toHaveCount(0);
  await expect(board.getByTestId('window-1')).toContainText('A001');
  expect(
    (
      await api<{ id: number }>(
        'queue/finish',
        {
          counterId: counter1,
          ticketId: (await api<{ counters: { number: number; current: { id: number } | null }[] }>('queue/overview', {}, admin)).value.counters.find(
            (c) => c.number === 1,
          )?.current?.id,
        },
        clerk,
      )
    ).ok,
  ).toBe(true);
  expect((await api('queue/callNext', { counterId: counter1 }, clerk)).ok).toBe(true);
  await expect(board.getByTestId('announcements').locator('li[data-number="A002"][data-lang="zh-CN"]')).toHaveText(['请A零零二号到一号窗口办理']);
  await tv.close();
  await browser.close();

  // The board as the hall's TV shows it.
  await page.addInitScript((token) => localStorage.setItem('onewindow.session.display', token), boardToken);
  await page.goto(`${hall.url}/display`);
  // No app bar and no language buttons on a TV nobody operates.
  await expect(page.getByTestId('window-table')).toBeVisible();
  await expect(page.locator('.topbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'English' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '中文' })).toHaveCount(0);
  // The hall's name, and its date, weekday and time (the hall's clock starts at 10:00 on Wednesday 25 November 2026).
  await expect(page.getByTestId('board-hall-name')).toHaveText('渝北区政务服务中心');
  await expect(page.getByTestId('board-date')).toHaveText('2026年11月25日');
  await expect(page.getByTestId('board-weekday')).toHaveText('星期三');
  await expect(page.getByTestId('board-time')).toHaveText(/^10:[0-5]\d$/);
  // 窗口 | 当前号码 | 状态, with English beneath.
  const table = page.getByTestId('window-table');
  await expect(table.getByRole('columnheader')).toHaveText([/^窗口\s*Counter$/, /^当前号码\s*Number$/, /^状态\s*Status$/]);
  await expect(page.getByTestId('window-1')).toContainText('1号窗口');
  await expect(page.getByTestId('window-1').getByTestId('window-number')).toHaveText('A002');
  await expect(page.getByTestId('window-1')).toContainText('已叫号');
  await expect(page.getByTestId('window-2')).toContainText('未开放');
  await expect(page.getByTestId('current-call').first()).toContainText('A002');
  await expect(page.getByTestId('call-history').locator('li')).toHaveCount(2);
  // Service starts: the state follows.
  const a002 = (await api<{ counters: { number: number; current: { id: number } | null }[] }>('queue/overview', {}, admin)).value.counters.find(
    (c) => c.number === 1,
  )?.current?.id;
  expect((await api('queue/start', { counterId: counter1, ticketId: a002 }, clerk)).ok).toBe(true);
  await expect(page.getByTestId('window-1')).toContainText('办理中');

  // Readable at 5 m: the numbers at least 48 px (these are 75 px and more), the screen filled and nothing scrolled off.
  expect(await fontPx(page, 'window-number')).toBeGreaterThanOrEqual(48);
  expect(await page.locator('.call-card.lead .call-number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);
  expect(await fontPx(page, 'board-time')).toBeGreaterThanOrEqual(48);
  const layout = await page.locator('.board-layout').boundingBox();
  expect(layout && layout.height > 950 && layout.width > 1800).toBe(true);
  expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
  const tableBox = await table.boundingBox();
  expect(tableBox && tableBox.width > 900).toBe(true);
  // This browser holds sound back (the spec's queries may already count as the click it waits for).
  const gate = page.getByRole('button', { name: /启用语音播报/ });
  if (await gate.isVisible()) await gate.click();
  await page.waitForTimeout(5_500); // past the blink, for a still screenshot
  await page.screenshot({ path: join(screenshots, 'board-1920.png') });
});
