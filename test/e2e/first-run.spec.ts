import { join } from 'node:path';
import { expect, test } from './hall-fixture.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

test('a new hall: set up the admin, create a clerk, the clerk sees the hall in Chinese then English', async ({ page, hall }) => {
  await page.goto(`${hall.url}/manage`);
  // First run sends the manager to setup: there is no default password.
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('大厅名称').fill('渝北区政务服务中心');
  await page.getByLabel('工号').fill('A001');
  await page.getByLabel('姓名').fill('王管理');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('再次输入密码').fill('short');
  await page.getByRole('button', { name: '创建管理员' }).click();
  // Field-by-field errors in the user's language.
  await expect(page.getByText('密码至少 12 位')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('Hall2026pass');
  await page.getByLabel('再次输入密码').fill('Hall2026pass');
  await page.getByRole('button', { name: '创建管理员' }).click();

  await expect(page).toHaveURL(/\/manage$/);
  // The desk opens on its first-run checklist; staff are on their own page, the form opens on demand.
  await expect(page.getByRole('heading', { name: '开通清单' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('王管理 (A001)')).toBeVisible();
  await page.getByRole('navigation', { name: '管理导航' }).getByRole('link', { name: '人员' }).click();
  await expect(page.getByRole('heading', { name: '工作人员', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新增工作人员' }).click();

  const form = page.getByRole('dialog').getByRole('form', { name: '新增工作人员' });
  await form.getByLabel('工号').fill('C001');
  await form.getByLabel('姓名').fill('张晓清');
  await form.getByLabel('初始密码').fill('Clerk2026pass');
  await form.getByRole('button', { name: '新增' }).click();
  await expect(page.getByRole('status').getByText('已创建工号 C001')).toBeVisible();
  await expect(page.getByRole('cell', { name: '张晓清' })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();

  await page.goto(`${hall.url}/counter`);
  await page.getByLabel('工号').fill('C001');
  await page.getByLabel('密码').fill('wrong-password-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('工号或密码错误');
  await page.getByLabel('密码').fill('Clerk2026pass');
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page.getByRole('heading', { name: '大厅实况' })).toBeVisible();
  await expect(page.getByTestId('status-countersOpen')).toContainText('开放窗口');
  await expect(page.getByTestId('status-countersOpen')).toContainText('0');
  await expect(page.getByTestId('status-ticketsWaiting')).toContainText('0');
  await expect(page.getByText('张晓清 (C001)')).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'counter-zh.png') });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Hall now' })).toBeVisible();
  await expect(page.getByTestId('status-ticketsWaiting')).toContainText('Waiting');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hall now' })).toBeVisible();

  // A clerk may not use the manager's desk.
  await page.goto(`${hall.url}/manage`);
  await expect(page.getByRole('alert')).toContainText('may not use this screen');
});
