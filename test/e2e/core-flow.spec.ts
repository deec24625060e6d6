import type { Browser, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { daysFromNow, residentId } from './hall-api.ts';

/**
 * Issue #13's "done when": the hall's core flow from the screens alone, as the people who do it —
 * no API call anywhere in this spec. First-run setup, a clerk created on the desk, a kiosk, a
 * board and a 评价器 bound to counter 1 paired from the desk's 设备 page, a ticket taken at the
 * kiosk, called at the counter, an application taken with the customer's signature on the
 * 评价器, submitted, the service finished and rated, and the manager's daily report showing it.
 */

const password = 'Hall2026pass';

async function pc(browser: Browser, width = 1366, height = 768): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
  return context.newPage();
}

async function signIn(page: Page, workNo: string, secret: string) {
  await page.getByLabel('工号').fill(workNo);
  await page.getByLabel('密码').fill(secret);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The customer signs with a finger: a few strokes across the pad. */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  for (const [x1, y1, x2, y2] of [
    [0.1, 0.6, 0.4, 0.3],
    [0.45, 0.4, 0.8, 0.65],
  ] as const) {
    await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * x2, box.y + box.height * y2, { steps: 10 });
    await page.mouse.up();
  }
}

test.use({ viewport: { width: 1366, height: 768 } });

test('the core flow from the screens only: setup, a clerk, three paired devices, a ticket served with a signed application, rated, in the daily report', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(240_000);

  // First run, on the hall server's own browser.
  await page.goto(`${hall.url}/manage`);
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('大厅名称').fill('渝北区政务服务中心');
  await page.getByLabel('工号').fill('A001');
  await page.getByLabel('姓名').fill('王管理');
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('再次输入密码').fill(password);
  await page.getByRole('button', { name: '创建管理员' }).click();
  await expect(page.getByRole('heading', { name: '开通清单' })).toBeVisible();
  const item = (key: string) => page.getByTestId(`checklist-${key}`);

  // 创建人员.
  await item('staff').getByRole('link', { name: '去完成' }).click();
  await page.getByRole('button', { name: '新增工作人员' }).click();
  const create = page.getByRole('dialog').getByRole('form', { name: '新增工作人员' });
  await create.getByLabel('工号').fill('C001');
  await create.getByLabel('姓名').fill('张晓清');
  await create.getByLabel('初始密码').fill(password);
  await create.getByRole('button', { name: '新增' }).click();
  await expect(page.getByRole('status').getByText('已创建工号 C001')).toBeVisible();

  // 配对取号机、叫号屏、评价器 (bound to counter 1), each screen on its own PC.
  await page.getByRole('navigation', { name: '管理导航' }).getByRole('link', { name: '设备' }).click();
  const pair = async (role: string, name: string, url: string, counter?: string): Promise<Page> => {
    await page.getByRole('button', { name: '配对新设备' }).click();
    const form = page.getByRole('dialog').getByRole('form', { name: '配对新设备' });
    await form.getByLabel('设备类型').selectOption({ label: role });
    await form.getByLabel('设备名称').fill(name);
    if (counter) await form.getByLabel('所属窗口').selectOption({ label: counter });
    await form.getByRole('button', { name: '生成配对码' }).click();
    await expect(form.getByRole('status')).toContainText(name);
    const code = (await form.getByTestId('pairing-code').textContent()) ?? '';
    await form.getByRole('button', { name: '完成' }).click();
    const screen = role === '叫号屏' ? await pc(browser, 1920, 1080) : role === '取号机' ? await pc(browser, 1080, 1920) : await pc(browser);
    await screen.goto(`${hall.url}${url}`);
    await screen.getByLabel('配对码').fill(code);
    await screen.getByRole('button', { name: '配对' }).click();
    await expect(screen.getByText(name)).toBeVisible();
    return screen;
  };
  const kiosk = await pair('取号机', '大门取号机', '/kiosk');
  const board = await pair('叫号屏', '大厅叫号屏', '/display');
  const rate = await pair('评价器', '1号窗口评价器', '/rate', '1号窗口');
  // The screens' pairing reaches the list as it happens (devices/changed): no reload.
  await expect(page.getByRole('table', { name: '已配对设备' }).getByRole('row').filter({ hasText: '1号窗口评价器' })).toContainText('1号窗口');

  // 核对业务与时间, and the checklist is complete.
  await page.getByRole('navigation', { name: '管理导航' }).getByRole('link', { name: '业务与窗口' }).click();
  await page.getByRole('button', { name: '业务与时间已核对无误' }).click();
  await expect(page.getByRole('status').getByText(/^已于 .* 核对$/)).toBeVisible();
  await page.getByRole('navigation', { name: '管理导航' }).getByRole('link', { name: '总览' }).click();
  for (const key of ['staff', 'kiosk', 'display', 'rate', 'hours']) await expect(item(key)).toHaveAttribute('data-done', 'true');
  await expect(page.getByText('开通事项均已完成。')).toBeVisible();

  // A customer takes a ticket at the kiosk (its printer is the screen's print dialog here, stubbed).
  await kiosk.evaluate(() => {
    window.print = () => undefined;
  });
  await kiosk.getByTestId('category-A').click();
  const skip = kiosk.getByRole('button', { name: '跳过，直接取号' });
  await expect(skip.or(kiosk.getByTestId('ticket-number'))).toBeVisible();
  if (await skip.isVisible()) await skip.click();
  await expect(kiosk.getByTestId('ticket-number')).toHaveText('A001');

  // The clerk signs in at counter 1 and calls it; the board shows the call.
  const counter = await pc(browser);
  await counter.goto(`${hall.url}/counter`);
  await signIn(counter, 'C001', password);
  await counter.getByRole('button', { name: /^1号窗口/ }).click();
  await expect(counter.getByTestId('counter-state')).toHaveText('开放');
  await counter.keyboard.press('F1');
  await expect(counter.getByTestId('current-number')).toHaveText('A001');
  await expect(board.getByText('A001').first()).toBeVisible();

  // Intake: the customer, one business, every material received, signed on the 评价器 facing them.
  await counter.getByRole('tab', { name: /受理/ }).click();
  const form = counter.getByTestId('intake-form');
  await form.getByLabel('姓名').fill('王芳');
  await form.getByLabel('证件号码').fill(residentId('11010519900307002'));
  await form.getByLabel('手机号码').fill('13912345678');
  await form.getByTestId('business-waterTransfer').check();
  const materials = form.locator('.material');
  await expect(materials.first()).toBeVisible();
  for (const material of await materials.all()) await material.getByLabel('已收取').check();
  await form.getByTestId('request-signature').click();
  const panel = rate.getByTestId('signature-panel');
  await expect(panel).toContainText('供水过户');
  await drawSignature(rate);
  await panel.getByRole('button', { name: '确认签字' }).click();
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'signed');
  await form.getByTestId('submit-intake').click();
  await expect(form.getByTestId('case-number')).toHaveCount(1);

  // Finished at the counter; the customer rates on the same screen.
  await counter.getByRole('tab', { name: /叫号/ }).click();
  await counter.keyboard.press('F4');
  await expect(rate.getByTestId('rating-clerk')).toContainText('张晓清');
  await rate.getByRole('button', { name: '满意', exact: true }).click();
  await expect(rate.getByText('感谢您的评价！')).toBeVisible();

  // The manager's daily report for today shows the ticket, the application and the rating.
  await page.getByRole('navigation', { name: '管理导航' }).getByRole('link', { name: '报表与实况' }).click();
  await page.getByRole('link', { name: '日报' }).click();
  await page.getByLabel('日期').fill(daysFromNow(hall, 0));
  await expect(page.getByTestId('summary-ticketsIssued')).toContainText('1');
  await expect(page.getByTestId('summary-ticketsServed')).toContainText('1');
  await expect(page.getByTestId('summary-applications')).toContainText('1');
  await expect(page.getByTestId('summary-ratings')).toContainText('1');
  await expect(page.getByTestId('summary-goodRate')).toContainText('100');
});
