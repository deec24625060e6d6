import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor } from './hall-api.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const password = 'Hall2026pass';

// A portrait totem, as most halls buy them.
test.use({ viewport: { width: 1080, height: 1920 } });

/** Every button and field on the screen that is smaller than a fingertip (48 px either way). */
async function smallTargets(page: Page): Promise<string[]> {
  const small: string[] = [];
  for (const target of await page.locator('button:visible, input:visible, select:visible, a:visible').all()) {
    const box = await target.boundingBox();
    if (box && (box.width < 48 || box.height < 48)) {
      const name = (await target.getAttribute('aria-label')) ?? (await target.textContent()) ?? '';
      small.push(`${name.trim()} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return small;
}

/** Types on the kiosk's own keypad, key by key, as a customer does. */
async function typeOnKeypad(page: Page, group: string, digits: string) {
  const keypad = page.getByRole('group', { name: group });
  for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

test('a portrait kiosk takes a customer through 业务 → 选项 → 取号, and forgets an unfinished one after the manager’s idle time', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(120_000);
  const api = apiFor(page, hall);
  // Seeded through the API (not what this spec is about): the hall, and the kiosk paired to it.
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'kiosk', name: '1号取号机' }, admin)).value;
  const kioskToken = (await api<{ token: string }>('devices/pair', { code })).value.token;

  // The manager shortens the idle reset on the desk (the default is 45 s).
  const desk = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  await desk.addInitScript((token) => localStorage.setItem('onewindow.session.staff', token), admin);
  const manage = await desk.newPage();
  await manage.goto(`${hall.url}/manage`);
  await manage.getByRole('navigation').getByRole('link', { name: '公告与规则' }).click();
  const kioskForm = manage.getByRole('form', { name: '取号机' });
  await expect(kioskForm.getByLabel('无人操作后返回首页（秒）')).toHaveValue('45');
  await kioskForm.getByLabel('无人操作后返回首页（秒）').fill('5');
  await kioskForm.getByRole('button', { name: '保存' }).click();
  await expect(kioskForm.getByText('不能小于 10')).toBeVisible();
  await kioskForm.getByLabel('无人操作后返回首页（秒）').fill('15');
  await kioskForm.getByRole('button', { name: '保存' }).click();
  await expect(kioskForm.getByRole('status')).toHaveText('取号机设置已保存');
  await desk.close();

  // The kiosk's printer is the screen here: the ticket goes to the browser's print dialog, counted instead.
  await page.addInitScript((token) => {
    localStorage.setItem('onewindow.session.kiosk', token);
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  }, kioskToken);
  await page.goto(`${hall.url}/kiosk`);

  // Step 1, 业务: only the business tiles, two across and tall in portrait; no extras yet.
  const steps = page.getByRole('list', { name: '取号步骤' });
  await expect(steps.locator('[aria-current="step"]')).toHaveText(/选择业务/);
  await expect(page.getByTestId('category-A')).toContainText('等候 0 人');
  await expect(page.getByRole('button', { name: /绿色通道/ })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '手机号（选填，用于叫号提醒）' })).toHaveCount(0);
  const a = await page.getByTestId('category-A').boundingBox();
  const b = await page.getByTestId('category-B').boundingBox();
  expect(a && b && Math.abs(a.y - b.y) < 2 && a.width > 400 && a.height >= 200).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1080);
  expect(await smallTargets(page)).toEqual([]);
  await page.screenshot({ path: join(screenshots, 'kiosk-portrait.png') });

  // Step 2, 选项: the extras for 综合业务 on their own screen, all optional.
  await page.getByTestId('category-A').click();
  await expect(steps.locator('[aria-current="step"]')).toHaveText(/取号选项/);
  await expect(page.getByRole('heading', { name: '综合业务' })).toBeVisible();
  await expect(page.getByRole('button', { name: '跳过，直接取号' })).toBeVisible();
  await page.getByRole('button', { name: /绿色通道/ }).click();
  await page.getByRole('textbox', { name: '手机号（选填，用于叫号提醒）' }).click();
  await typeOnKeypad(page, '手机号（选填，用于叫号提醒）', '13812345678');
  await expect(page.getByRole('textbox', { name: '手机号（选填，用于叫号提醒）' })).toHaveValue('13812345678');
  // With the keypad open too, nothing is too small to touch.
  expect(await smallTargets(page)).toEqual([]);
  await page.screenshot({ path: join(screenshots, 'kiosk-portrait-options.png') });
  await page.getByRole('button', { name: '确认取号' }).click();

  // Step 3, 取号: the ticket, printed.
  await expect(steps.locator('[aria-current="step"]')).toHaveText(/取号$/);
  await expect(page.getByTestId('ticket-number')).toHaveText('A001');
  await expect(page.getByTestId('ticket-confirmation')).toContainText('绿色通道');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(await smallTargets(page)).toEqual([]);
  await page.screenshot({ path: join(screenshots, 'kiosk-portrait-ticket.png') });
  await page.getByRole('button', { name: '完成' }).click();

  // A customer switches to English, picks a service, types a phone number and walks away.
  await expect(steps.locator('[aria-current="step"]')).toHaveText(/选择业务/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('category-B').click();
  await expect(page.getByRole('heading', { name: 'Connections and transfers' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Mobile number (optional, for a reminder)' }).click();
  await typeOnKeypad(page, 'Mobile number (optional, for a reminder)', '13900001111');
  await expect(page.getByRole('textbox', { name: 'Mobile number (optional, for a reminder)' })).toHaveValue('13900001111');
  // Ten seconds on, the screen still waits for them (the manager said 15)...
  await page.clock.fastForward(10_000);
  await expect(page.getByRole('textbox', { name: 'Mobile number (optional, for a reminder)' })).toHaveValue('13900001111');
  // ...and past 15 the kiosk is back at its Chinese start screen, the number gone.
  await page.clock.fastForward(6_000);
  await expect(page.getByRole('heading', { name: '欢迎办理水电气讯业务' })).toBeVisible();
  await expect(steps.locator('[aria-current="step"]')).toHaveText(/选择业务/);
  await expect(page.getByText('13900001111')).toHaveCount(0);
  await page.getByTestId('category-B').click();
  await expect(page.getByRole('textbox', { name: '手机号（选填，用于叫号提醒）' })).toHaveValue('');
  // Nothing was issued for the customer who left.
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByTestId('category-B')).toContainText('等候 0 人');
});
