import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor, type Category, openAllDay } from './hall-api.ts';

const password = 'Hall2026pass';

async function screenWith(browser: Browser, scope: 'staff' | 'rate', token?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  if (token) await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`onewindow.session.${scope}`, token] as const);
  return { context, page: await context.newPage() };
}

/**
 * A key of a keyboard-mode rating keypad, through Chromium's own input pipeline (the way
 * Playwright types, but for F16, which Playwright's key table does not list). The built-in
 * keypad sends F13..F17: keys no PC keyboard has, so no clash with the clerk or the browser.
 */
async function pressKeypadKey(page: Page, code: string, virtualKeyCode: number) {
  const cdp = await page.context().newCDPSession(page);
  for (const type of ['rawKeyDown', 'keyUp'] as const)
    await cdp.send('Input.dispatchKeyEvent', { type, code, key: code, windowsVirtualKeyCode: virtualKeyCode, nativeVirtualKeyCode: virtualKeyCode });
  await cdp.detach();
}

test('a finished service is rated on the counter’s rating screen and by a keyboard keypad, and shows in the clerk’s figures', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(90_000);
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C007', name: '张晓清', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const overview = await api<{ categories: Category[]; counters: { id: number; number: number }[] }>('queue/overview', {}, admin);
  // Tickets are issued only inside opening hours; the test runs at any hour.
  await openAllDay(api, admin, overview.value.categories);
  const counter3 = overview.value.counters.find((c) => c.number === 3)?.id ?? 0;
  const categoryA = overview.value.categories.find((c) => c.prefix === 'A')?.id ?? 0;

  // The customer-facing screen at counter 3, paired with a code as a manager gives it out.
  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'rate', name: '3号评价屏', counterId: counter3 }, admin)).value;
  const rate = (await screenWith(browser, 'rate')).page;
  await rate.goto(`${hall.url}/rate`);
  await rate.getByLabel('配对码').fill(code);
  await rate.getByRole('button', { name: '配对' }).click();
  await expect(rate.getByText('3号评价屏')).toBeVisible();

  // The clerk opens counter 3, calls the customer with F1 and finishes with F4.
  const clerkToken = (await api<{ token: string }>('auth/login', { workNo: 'C007', password })).value.token;
  const counter = (await screenWith(browser, 'staff', clerkToken)).page;
  await counter.goto(`${hall.url}/counter`);
  await counter.getByRole('button', { name: /^3号窗口/ }).click();
  await expect(counter.getByTestId('counter-state')).toHaveText('开放');
  await expect(counter.getByTestId('my-figures-today-completion')).toContainText('—');
  expect((await api('queue/issue', { categoryId: categoryA }, clerkToken)).ok).toBe(true);
  await counter.keyboard.press('F1');
  await expect(counter.getByTestId('current-number')).toHaveText('A001');
  await counter.keyboard.press('F4');

  // The rating screen shows who served the customer and five levels; the customer taps 满意.
  await expect(rate.getByTestId('rating-clerk')).toContainText('张晓清');
  await expect(rate.getByTestId('rating-clerk')).toContainText('工号 C007 · 3号窗口');
  await expect(rate.getByText(/剩余 \d+ 秒/)).toBeVisible();
  await expect(counter.getByTestId('rating-invited')).toBeVisible();
  await rate.getByRole('button', { name: '满意', exact: true }).click();
  await expect(rate.getByText('感谢您的评价！')).toBeVisible();

  // The clerk's own figures: 1 of 1 rated, 100% completion, above the 90% line.
  await expect(counter.getByTestId('my-figures-today-completion')).toContainText('100.0%');
  await expect(counter.getByTestId('my-figures-today-completion')).toContainText('已评 1 / 服务 1');
  await expect(counter.getByTestId('my-figures-today-completion')).toHaveClass(/meets-target/);
  await expect(counter.getByTestId('my-figures-today-good')).toContainText('100.0%');

  // The manager gives counter 3 a keyboard keypad; the counter shows it.
  expect(
    (await api('ratings/setDevice', { counterId: counter3, device: { profile: 'keyboard-keypad', path: null, baudRate: null, address: 1 } }, admin)).ok,
  ).toBe(true);
  await expect(counter.getByTestId('rating-device-health')).toContainText('keyboard-keypad');
  // A keypad on the counter's keyboard rates as the window's own rating device, never as the
  // clerk: the counter asks for its pairing code (seeded here: the 设备 page has its own spec).
  const keypadCode = (await api<{ code: string }>('devices/issuePairingCode', { role: 'rate', name: '3号键盘评价器', counterId: counter3 }, admin)).value.code;
  const unpaired = counter.getByTestId('keypad-unpaired');
  await expect(unpaired).toContainText('键盘评价器尚未配对');
  await unpaired.getByLabel('配对码').fill(keypadCode);
  await unpaired.getByRole('button', { name: '配对' }).click();
  await expect(unpaired).toBeHidden();

  // The next customer presses the keypad's fourth key (不满意) at the counter's keyboard.
  expect((await api('queue/issue', { categoryId: categoryA }, clerkToken)).ok).toBe(true);
  await counter.keyboard.press('F1');
  await expect(counter.getByTestId('current-number')).toHaveText('A002');
  await counter.keyboard.press('F4');
  await expect(counter.getByTestId('rating-invited')).toBeVisible();
  await expect(rate.getByTestId('rating-clerk')).toBeVisible();
  await pressKeypadKey(counter, 'F16', 127);
  await expect(counter.getByTestId('rating-invited')).toBeHidden();
  // Answered at the keypad: the screen goes back to idle.
  await expect(rate.getByTestId('rating-clerk')).toBeHidden();
  await expect(counter.getByTestId('my-figures-today-completion')).toContainText('已评 2 / 服务 2');
  await expect(counter.getByTestId('my-figures-today-bad')).toContainText('1');
  await expect(counter.getByTestId('my-figures-today-good')).toContainText('50.0%');

  // The bad rating is a rectification task on the manager's page, due in 5 working days.
  const manage = (await screenWith(browser, 'staff', admin)).page;
  await manage.goto(`${hall.url}/manage/ratings`);
  const tasks = manage.getByRole('table', { name: '差评整改' });
  await expect(tasks).toContainText('不满意');
  await expect(tasks).toContainText('张晓清');
  await expect(tasks).toContainText('剩 5 个工作日');
  const figures = manage.getByRole('table', { name: '评价统计' });
  await expect(figures).toContainText('张晓清 (C007)');
  await expect(figures).toContainText('100.0%');
});
