import type { Page, Route } from '@playwright/test';
import { apiFor } from './hall-api.ts';
import { expect, test } from './hall-fixture.ts';

const admin = { hallName: '测试大厅', workNo: 'A001', name: '王管理', password: 'Hall2026pass' };

test.use({ viewport: { width: 1366, height: 768 } });

/** Holds every request to one method until `release` is called: the page sees a slow hall. */
async function holdMethod(page: Page, method: string): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = [];
  await page.route(`**/api/${method}`, (route) => void held.push(route));
  return {
    release: async () => {
      // Let the held ones through first: unrouting would hand them on by itself.
      for (const route of held.splice(0)) await route.continue();
      await page.unroute(`**/api/${method}`);
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** Answers one method with the hall's own 500 (an internal error as data) until unrouted. */
async function failMethod(page: Page, method: string): Promise<void> {
  await page.route(`**/api/${method}`, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } }),
    }),
  );
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('工号').fill(admin.workNo);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a table says 正在加载 while its request is on its way, 暂无数据 only when the answer is empty, and a failure shows the error with 重试', async ({
  page,
  hall,
}) => {
  // Seeding: the administrator exists (first-run setup is first-run.spec's subject, not this one's).
  expect((await apiFor(page, hall)('setup/createAdmin', admin)).ok).toBe(true);
  await signIn(page, `${hall.url}/manage`);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible({ timeout: 20_000 });

  // The rating rectifications list: held, it is loading, not empty.
  const held = await holdMethod(page, 'ratings/rectifications');
  await page.getByRole('link', { name: '好差评' }).click();
  const table = page.getByRole('table', { name: '差评整改' });
  await expect(table).toContainText('正在加载…');
  await expect(table).not.toContainText('暂无数据');
  await held.release();
  await expect(table).toContainText('暂无数据', { timeout: 20_000 });
  await expect(table).not.toContainText('正在加载…');

  // The audit log: the hall answers 500; the page says why and offers 重试, and 重试 recovers.
  await failMethod(page, 'audit/list');
  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '系统出错，请稍后重试' })).toBeVisible({ timeout: 20_000 });
  const retry = page.getByRole('button', { name: '重试' });
  await expect(retry).toBeVisible();
  await expect(page.getByRole('table', { name: '操作日志' })).not.toContainText('暂无数据');
  await page.unroute('**/api/audit/list');
  await retry.click();
  await expect(retry).toHaveCount(0, { timeout: 20_000 });
  // The administrator's own sign-ins are in the log: the table has rows now.
  await expect(page.getByRole('table', { name: '操作日志' }).locator('tbody tr').first()).not.toContainText('暂无数据');

  // A report held: 正在加载, not an empty page; failed: the error and 重试.
  const report = await holdMethod(page, 'reports/daily');
  await page.getByRole('link', { name: '报表与实况' }).click();
  await page.getByRole('link', { name: '日报' }).click();
  await expect(page.getByRole('status').filter({ hasText: '正在加载…' })).toBeVisible();
  await report.release();
  await expect(page.getByTestId('report-sheet')).toBeVisible({ timeout: 30_000 });
});
