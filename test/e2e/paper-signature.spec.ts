import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor, residentId } from './hall-api.ts';

const password = 'Hall2026pass';

/** Another PC's browser signed in as staff with `token`; window.print is recorded, since no printer or print dialog exists here. */
async function clerkScreen(browser: Browser, token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  await context.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), token);
  // The one fake: the print dialog. It records what the page had on its printed sheet at that moment.
  await context.addInitScript(() => {
    const printed: string[] = [];
    Object.assign(window, { printedSheets: printed });
    window.print = () => {
      const sheet = document.querySelector('.paper-sheet-print');
      printed.push(document.body.classList.contains('printing-paper-sheet') && sheet ? (sheet.textContent ?? '') : '');
    };
  });
  return { context, page: await context.newPage() };
}

test('a counter without a customer screen completes an application with the customer’s signature on the printed form', async ({ page, hall, browser }) => {
  test.setTimeout(120_000);
  const api = apiFor(page, hall);
  // Seeded through the API: the hall, its administrator and a clerk (first-run and staff pages have their own specs).
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C007', name: '李娟', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const clerkToken = (await api<{ token: string }>('auth/login', { workNo: 'C007', password })).value.token;

  const { page: clerk, context } = await clerkScreen(browser, clerkToken);
  await clerk.goto(`${hall.url}/counter`);
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  // The counter says what it has: no customer screen bound to it.
  await expect(clerk.getByTestId('customer-screen-state')).toHaveText('未绑定');
  await clerk.getByRole('tab', { name: /受理/ }).click();
  const form = clerk.getByTestId('intake-form');
  await form.getByLabel('姓名').fill('赵敏');
  await form.getByLabel('证件号码').fill(residentId('50011219850612003'));
  await form.getByLabel('手机号码').fill('13800238000');
  await form.getByTestId('business-waterMeterTest').check();
  await form.getByRole('button', { name: '必交材料全部已收' }).click();

  // Nothing to send to a screen: the bar says so and offers the paper path instead.
  const state = form.getByTestId('signature-state');
  await expect(state).toHaveAttribute('data-state', 'noScreen');
  await expect(state).toContainText('本窗口未绑定评价器');
  await expect(form.getByTestId('request-signature')).toHaveCount(0);
  await expect(form.getByTestId('record-paper-signature')).toBeDisabled();
  await expect(form.getByTestId('submit-intake')).toBeDisabled();

  // 打印受理单: the sheet printed holds the business and its fee for the customer to sign.
  await form.getByTestId('print-paper-form').click();
  await expect.poll(() => clerk.evaluate(() => (window as unknown as { printedSheets: string[] }).printedSheets.length)).toBe(1);
  const sheet = await clerk.evaluate(() => (window as unknown as { printedSheets: string[] }).printedSheets[0] ?? '');
  expect(sheet).toContain('受理单（客户签字确认联）');
  expect(sheet).toContain('赵敏');
  expect(sheet).toContain('水表校验');
  expect(sheet).toContain('客户签字');
  // The sheet leaves the page once printed: the form's own fee table is the only one on screen.
  await expect(clerk.getByTestId('paper-sheet')).toHaveCount(0);

  // The customer signs the paper; the clerk records it, and may then submit.
  await form.getByTestId('record-paper-signature').click();
  await expect(state).toHaveAttribute('data-state', 'paperSigned');
  await expect(state).toContainText('纸质签字');
  const receiptOpens = context.waitForEvent('page');
  await form.getByTestId('submit-intake').click();
  await expect(form.getByTestId('case-number')).toHaveCount(1);
  await expect(form.getByTestId('submitted-paper-signature')).toContainText('纸质签字');
  // The fresh form restored nothing: no "已恢复草稿" left from the one just submitted.
  await expect(form.getByLabel('姓名')).toHaveValue('');
  await expect(form.getByTestId('draft-state')).not.toContainText('已恢复');

  // The receipt says how the customer signed, and who recorded it.
  const receipt = await receiptOpens;
  await expect(receipt.getByTestId('receipt')).toBeVisible();
  await expect(receipt.getByTestId('receipt-paper-signature')).toContainText('纸质签字');
  await expect(receipt.getByTestId('receipt')).toContainText('李娟（工号 C007）');
  await expect(receipt.getByTestId('receipt-signature')).toHaveCount(0);
  await context.close();
});
