import type { Browser, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor } from './hall-api.ts';

const password = 'Hall2026pass';

/** Another PC in the hall: its own browser, in Chinese. */
async function otherPc(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

async function signIn(page: Page, workNo: string, secret: string) {
  await page.getByLabel('工号').fill(workNo);
  await page.getByLabel('密码').fill(secret);
  await page.getByRole('button', { name: '登录' }).click();
}

/** A device pairs from its own screen with the code the desk showed. */
async function pairScreen(browser: Browser, url: string, code: string): Promise<Page> {
  const screen = await otherPc(browser);
  await screen.goto(url);
  await screen.getByLabel('配对码').fill(code);
  await screen.getByRole('button', { name: '配对' }).click();
  return screen;
}

test.use({ viewport: { width: 1366, height: 768 } });

test('the manager desk: sub-pages, staff and device row actions, and the first-run checklist ticking off', async ({ page, hall, browser }) => {
  test.setTimeout(180_000);
  // Seed: the hall's first administrator (first-run setup has its own spec, first-run.spec.ts).
  expect((await apiFor(page, hall)('setup/createAdmin', { hallName: '测试大厅', workNo: 'A001', name: '王管理', password })).ok).toBe(true);

  await page.goto(`${hall.url}/manage`);
  await signIn(page, 'A001', password);
  const nav = page.getByRole('navigation', { name: '管理导航' });
  const item = (key: string) => page.getByTestId(`checklist-${key}`);

  // The start page is the checklist, nothing done yet; no form is open anywhere.
  await expect(page.getByRole('heading', { name: '开通清单' })).toBeVisible();
  for (const key of ['staff', 'kiosk', 'display', 'rate', 'hours']) await expect(item(key)).toHaveAttribute('data-done', 'false');
  await expect(page.getByRole('form')).toHaveCount(0);

  // 人员: the new-account form opens on demand, from the checklist's link.
  await item('staff').getByRole('link', { name: '去完成' }).click();
  await expect(page).toHaveURL(/\/manage\/staff$/);
  await expect(nav.getByRole('link', { name: '人员' })).toHaveClass(/active/);
  await expect(page.getByRole('form', { name: '新增工作人员' })).toHaveCount(0);
  await page.getByRole('button', { name: '新增工作人员' }).click();
  const create = page.getByRole('dialog').getByRole('form', { name: '新增工作人员' });
  await create.getByLabel('工号').fill('C001');
  await create.getByLabel('姓名').fill('张晓清');
  await create.getByLabel('初始密码').fill('Clerk2026pass');
  await create.getByRole('button', { name: '新增' }).click();
  await expect(page.getByRole('status').getByText('已创建工号 C001')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: 'C001' });
  await expect(row).toContainText('张晓清');

  // 重置密码: the manager sets a temporary password; the clerk signs in with it, not the old one.
  await row.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog').getByRole('form', { name: '重置 张晓清 的密码' });
  await reset.getByLabel('临时密码').fill('short');
  await reset.getByRole('button', { name: '确定' }).click();
  await expect(reset.getByText('密码至少 12 位')).toBeVisible();
  await reset.getByLabel('临时密码').fill('Temp2026reset');
  await reset.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('status').getByText('已重置 C001 的密码')).toBeVisible();

  const clerk = await otherPc(browser);
  await clerk.goto(`${hall.url}/counter`);
  await signIn(clerk, 'C001', 'Clerk2026pass');
  await expect(clerk.getByRole('alert')).toContainText('工号或密码错误');
  await signIn(clerk, 'C001', 'Temp2026reset');
  await expect(clerk.getByText('张晓清 (C001)')).toBeVisible();
  await clerk.getByRole('button', { name: '退出登录' }).click();

  // Five wrong passwords lock the account; 解锁 lets the clerk in before the lock runs out.
  for (let i = 0; i < 5; i += 1) await signIn(clerk, 'C001', `Wrong2026pass${i}`);
  await expect(clerk.getByRole('alert')).toContainText('账号已锁定');
  await page.reload();
  await expect(row).toContainText('已锁定');
  await row.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('status').getByText('已解锁 C001')).toBeVisible();
  await expect(row).toContainText('在岗');
  await signIn(clerk, 'C001', 'Temp2026reset');
  await expect(clerk.getByText('张晓清 (C001)')).toBeVisible();

  // 修改角色 (the administrator's call): the clerk also becomes a hall manager.
  await row.getByRole('button', { name: '修改角色' }).click();
  const roles = page.getByRole('dialog').getByRole('form', { name: '修改 张晓清 的角色' });
  await roles.getByLabel('大厅管理员').check();
  await roles.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('status').getByText('已修改 C001 的角色')).toBeVisible();
  await expect(row).toContainText('窗口人员 / 大厅管理员');

  // 停用 a leaver: asked first, then the open session ends and the account cannot sign in.
  await row.getByRole('button', { name: '停用' }).click();
  const deactivate = page.getByRole('dialog').getByRole('form', { name: '停用 张晓清（C001）？' });
  await deactivate.getByRole('button', { name: '停用' }).click();
  await expect(page.getByRole('status').getByText('已停用 C001')).toBeVisible();
  await expect(row).toContainText('已停用');
  await clerk.reload();
  await expect(clerk.getByRole('button', { name: '登录' })).toBeVisible();
  await signIn(clerk, 'C001', 'Temp2026reset');
  await expect(clerk.getByRole('alert')).toContainText('工号或密码错误');
  // A deactivated clerk is no one to serve: the checklist still lacks staff. A second clerk fills it.
  await page.getByRole('button', { name: '新增工作人员' }).click();
  await create.getByLabel('工号').fill('C002');
  await create.getByLabel('姓名').fill('李娜');
  await create.getByLabel('初始密码').fill('Clerk2026pass');
  await create.getByRole('button', { name: '新增' }).click();
  await expect(page.getByRole('status').getByText('已创建工号 C002')).toBeVisible();

  // 设备: a 评价器 cannot be paired without its window.
  await nav.getByRole('link', { name: '设备' }).click();
  await expect(page).toHaveURL(/\/manage\/devices$/);
  const pairDevice = async (role: string, name: string, counter?: string): Promise<string> => {
    await page.getByRole('button', { name: '配对新设备' }).click();
    const form = page.getByRole('dialog').getByRole('form', { name: '配对新设备' });
    await form.getByLabel('设备类型').selectOption({ label: role });
    await form.getByLabel('设备名称').fill(name);
    if (counter) await form.getByLabel('所属窗口').selectOption({ label: counter });
    await form.getByRole('button', { name: '生成配对码' }).click();
    await expect(form.getByTestId('pairing-code')).toHaveText(/^\d{6}$/);
    await expect(form.getByRole('status')).toContainText(name);
    const code = (await form.getByTestId('pairing-code').textContent()) ?? '';
    await form.getByRole('button', { name: '完成' }).click();
    return code;
  };
  await page.getByRole('button', { name: '配对新设备' }).click();
  {
    const form = page.getByRole('dialog').getByRole('form', { name: '配对新设备' });
    await form.getByLabel('设备类型').selectOption({ label: '评价器' });
    await form.getByLabel('设备名称').fill('1号窗口评价器');
    await form.getByRole('button', { name: '生成配对码' }).click();
    await expect(form.getByText('评价器面向一个窗口的客户，请选择它所属的窗口。')).toBeVisible();
    await expect(form.getByTestId('pairing-code')).toHaveCount(0);
    await form.getByRole('button', { name: '完成' }).click();
  }
  const rateCode = await pairDevice('评价器', '1号窗口评价器', '1号窗口');
  const rate = await pairScreen(browser, `${hall.url}/rate`, rateCode);
  await expect(rate.getByText('1号窗口评价器')).toBeVisible();
  const devices = page.getByRole('table', { name: '已配对设备' });
  const deviceRow = (name: string) => devices.getByRole('row').filter({ hasText: name });
  // The screen's own pairing is pushed to the list (devices/changed): no reload.
  await expect(deviceRow('1号窗口评价器')).toContainText('1号窗口');

  // 绑定窗口: the screen moves to window 2.
  await deviceRow('1号窗口评价器').getByRole('button', { name: '绑定窗口' }).click();
  const bind = page.getByRole('dialog').getByRole('form', { name: '为「1号窗口评价器」绑定窗口' });
  await bind.getByLabel('所属窗口').selectOption({ label: '2号窗口' });
  await bind.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('status').getByText('「1号窗口评价器」已绑定 2号窗口')).toBeVisible();
  await expect(deviceRow('1号窗口评价器')).toContainText('2号窗口');

  // 设置打印机 on a kiosk (the administrator's setting), kept when the dialog is opened again.
  const kioskCode = await pairDevice('取号机', '大门取号机');
  const kiosk = await pairScreen(browser, `${hall.url}/kiosk`, kioskCode);
  await expect(kiosk.getByRole('heading', { name: '欢迎办理水电气讯业务' })).toBeVisible();
  await deviceRow('大门取号机').getByRole('button', { name: '设置打印机' }).click();
  const printer = page.getByRole('dialog').getByRole('form', { name: '「大门取号机」的小票打印机' });
  await printer.getByLabel('打印方式').selectOption({ label: '网络打印机（TCP 9100）' });
  await printer.getByLabel('打印机地址').fill('192.168.1.50');
  await printer.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('status').getByText('已保存「大门取号机」的打印机')).toBeVisible();
  await deviceRow('大门取号机').getByRole('button', { name: '设置打印机' }).click();
  await expect(printer.getByLabel('打印机地址')).toHaveValue('192.168.1.50');
  await printer.getByRole('button', { name: '取消' }).click();

  // 解除配对: asked first; the board is signed out and asks for a code again.
  const boardCode = await pairDevice('叫号屏', '大厅叫号屏');
  const board = await pairScreen(browser, `${hall.url}/display`, boardCode);
  await expect(board.getByRole('heading', { name: '正在呼叫' })).toBeVisible();
  await deviceRow('大厅叫号屏').getByRole('button', { name: '解除配对' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '解除配对' }).click();
  await expect(page.getByRole('status').getByText('已解除「大厅叫号屏」的配对')).toBeVisible();
  await expect(deviceRow('大厅叫号屏')).toContainText('已解除');
  await expect(deviceRow('大厅叫号屏').getByRole('button')).toHaveCount(0);
  await board.reload();
  await expect(board.getByLabel('配对码')).toBeVisible();

  // The checklist: staff, kiosk and rating screen done; the board was unpaired; the hours not yet checked.
  await nav.getByRole('link', { name: '总览' }).click();
  for (const key of ['staff', 'kiosk', 'rate']) await expect(item(key)).toHaveAttribute('data-done', 'true');
  await expect(item('display')).toHaveAttribute('data-done', 'false');
  await expect(item('hours')).toHaveAttribute('data-done', 'false');
  await item('hours').getByRole('link', { name: '去完成' }).click();
  await expect(page).toHaveURL(/\/manage\/queue$/);
  // 业务与窗口: the category form opens on demand too.
  await expect(page.getByRole('form', { name: '业务类别表单' })).toHaveCount(0);
  await page.getByRole('button', { name: '业务与时间已核对无误' }).click();
  await expect(page.getByRole('status').getByText(/^已于 .* 核对$/)).toBeVisible();
  await nav.getByRole('link', { name: '总览' }).click();
  await expect(item('hours')).toHaveAttribute('data-done', 'true');
  await expect(item('hours')).toContainText('已于');

  // 公告与规则 is its own page.
  await nav.getByRole('link', { name: '公告与规则' }).click();
  await expect(page).toHaveURL(/\/manage\/notices$/);
  await expect(page.getByRole('heading', { name: '优先规则' })).toBeVisible();
});
