import type { Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor, residentId, type Category, openAllDay } from './hall-api.ts';

const password = 'Hall2026pass';
const viewport = { width: 1366, height: 768 };

/** Keys pressed on the page from now on, as a person would count them. */
async function countKeys(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { keysPressed: number };
    w.keysPressed = 0;
    window.addEventListener('keydown', () => (w.keysPressed += 1), true);
  });
  return () => page.evaluate(() => (window as unknown as { keysPressed: number }).keysPressed);
}

/**
 * #13 point 6: the counter at 1366×768 — the waiting list beside the ticket in hand, the clerk's
 * figures on one line, a business quick filter by 汉字 and 拼音 initials, the ID-card reader on
 * 证件号码 as on the kiosk, and a slim signature bar.
 */
test('the counter at 1366×768: queue beside the ticket, figures on one line, quick filter, ID-card reader, slim signature bar', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(120_000);
  // Seeded through the API (not what this spec is about): the hall, a clerk, all-day opening hours and waiting tickets.
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C001', name: '张晓清', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const clerkToken = (await api<{ token: string }>('auth/login', { workNo: 'C001', password })).value.token;
  const overview = await api<{ categories: Category[] }>('queue/overview', {}, admin);
  await openAllDay(api, admin, overview.value.categories);
  const categoryA = overview.value.categories.find((c) => c.prefix === 'A')?.id ?? 0;
  for (let i = 0; i < 6; i += 1) expect((await api('queue/issue', { categoryId: categoryA }, clerkToken)).ok).toBe(true);

  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  await context.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), clerkToken);
  const clerk = await context.newPage();
  await clerk.goto(`${hall.url}/counter`);
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  await expect(clerk.getByTestId('counter-state')).toHaveText('开放');
  await clerk.keyboard.press('F1');
  await expect(clerk.getByTestId('current-number')).toHaveText('A001');

  // The queue beside the ticket in hand: the waiting list and its first rows on the first screen.
  const list = clerk.getByRole('table', { name: '等候队列' });
  await expect(list.getByRole('row').filter({ hasText: 'A002' })).toBeVisible();
  const ticketBox = await clerk.getByRole('region', { name: '当前号码' }).boundingBox();
  const listBox = await list.boundingBox();
  const firstRow = await list.getByRole('row').filter({ hasText: 'A002' }).boundingBox();
  expect(listBox && ticketBox && firstRow).toBeTruthy();
  if (!listBox || !ticketBox || !firstRow) return;
  expect(listBox.y).toBeLessThan(viewport.height);
  expect(firstRow.y + firstRow.height).toBeLessThanOrEqual(viewport.height);
  // Side by side, not one under the other.
  expect(listBox.x).toBeGreaterThanOrEqual(ticketBox.x + ticketBox.width - 1);
  expect(listBox.y).toBeLessThan(ticketBox.y + ticketBox.height);

  // The clerk's figures on one line, opened on demand.
  const figures = clerk.getByTestId('counter-figures-line');
  await expect(figures).toBeVisible();
  await expect(figures).toContainText('我今日的评价');
  await expect(figures).toContainText('等候');
  const line = await figures.boundingBox();
  expect(line?.height ?? 999).toBeLessThanOrEqual(48);
  expect((line?.y ?? 999) + (line?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
  await expect(clerk.getByTestId('my-figures-today-completion')).toBeHidden();
  await figures.click();
  await expect(clerk.getByTestId('my-figures-today-completion')).toBeVisible();
  await clerk.screenshot({ path: test.info().outputPath('counter-1366.png') });

  // 受理: 燃气过户 by its 拼音 initials and Enter, in at most six keystrokes from the filter.
  await clerk.keyboard.press('Alt+2');
  const form = clerk.getByTestId('intake-form');
  const filter = form.getByRole('combobox', { name: '快速查找业务' });
  await filter.click();
  const keys = await countKeys(clerk);
  await clerk.keyboard.type('rqgh');
  await expect(form.getByTestId('business-filter-status')).toContainText('燃气过户');
  await clerk.screenshot({ path: test.info().outputPath('counter-filter-1366.png') });
  await clerk.keyboard.press('Enter');
  await expect(form.getByTestId('business-gasTransfer')).toBeChecked();
  expect(await keys()).toBeLessThanOrEqual(6);
  // Only that one: nothing else was ticked on the way.
  await expect(form.locator('[data-testid^="business-"]:checked')).toHaveCount(1);
  // 汉字 too, with the arrow keys: 供水 → the second match is 供水过户.
  await filter.fill('');
  await clerk.keyboard.type('供水');
  await clerk.keyboard.press('ArrowDown');
  await expect(form.getByTestId('business-filter-status')).toContainText('供水过户');
  await clerk.keyboard.press('Enter');
  await expect(form.getByTestId('business-waterTransfer')).toBeChecked();
  await expect(form.getByTestId('business-gasTransfer')).toBeChecked();
  await expect(filter).toHaveValue('');

  // The ID-card reader types 18 characters and Enter in a burst: a wrong check digit is caught at once,
  // without leaving the field; nothing is asked of the customer or submitted.
  const sent: string[] = [];
  clerk.on('request', (r) => {
    if (/intake\/(requestSignature|submit|recordPaperSignature)$/.test(r.url())) sent.push(r.url());
  });
  const id = residentId('11010519900307002');
  const wrong = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
  const idField = form.getByLabel('证件号码');
  await idField.click();
  await clerk.keyboard.type(wrong, { delay: 0 });
  await clerk.keyboard.press('Enter');
  await expect(idField).toHaveValue(wrong);
  await expect(idField).toBeFocused();
  await expect(form.getByText('身份证号码校验位不正确，请核对')).toBeVisible();
  // As on the kiosk: a card read while the focus is on no field lands in 证件号码, replacing what was there,
  // and a good read moves on to 手机号码.
  await form.getByRole('heading', { name: '客户信息' }).click();
  await clerk.keyboard.type(id, { delay: 0 });
  await clerk.keyboard.press('Enter');
  await expect(idField).toHaveValue(id);
  await expect(form.getByText('身份证号码校验位不正确，请核对')).toHaveCount(0);
  await expect(form.getByLabel('手机号码')).toBeFocused();
  expect(sent).toEqual([]);
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', /none|noScreen/);

  // A slim signature bar: the same state and buttons in one row.
  const bar = clerk.getByRole('region', { name: '客户签字确认与提交' });
  await expect(bar.getByTestId('signature-state')).toBeVisible();
  await expect(bar.getByTestId('submit-intake')).toBeVisible();
  await clerk.screenshot({ path: test.info().outputPath('counter-intake-1366.png') });
  const barBox = await bar.boundingBox();
  expect(barBox?.height ?? 999).toBeLessThanOrEqual(64);
  await context.close();
});
