import { startUtilityServer } from '../integration/utility-server.ts';
import { expect, hallNow, test } from './hall-fixture.ts';

const password = 'Hall2026pass';
const secret = 'utility-shared-secret-0123456789';

test('the manager sets up a utility connector, syncs now with a progress bar, and sees the run in its history', async ({ page, hall }) => {
  test.setTimeout(60_000);
  // The utility's clock agrees with the hall's pinned one: onewindow.sync/2 checks their times against each other.
  const utility = await startUtilityServer({ secret, now: () => hallNow(hall) });
  try {
    const api = async <T>(name: string, body: unknown, token?: string) =>
      (await (await page.request.post(`${hall.url}/api/${name}`, { data: body, headers: token ? { Authorization: `Bearer ${token}` } : {} })).json()) as { ok: boolean; value: T };
    expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
    const token = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
    await page.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), token);

    await page.goto(`${hall.url}/manage/sync`);
    await expect(page.getByRole('heading', { name: '每晚同步到专营企业' })).toBeVisible();
    await page.getByLabel('本大厅编码').fill('HALL-YB-01');
    await page.getByRole('button', { name: '保存编码' }).click();

    const gasRow = page.getByRole('row', { name: /燃气/ });
    await expect(gasRow).toContainText('未设置');
    await gasRow.getByRole('button', { name: '设置与记录' }).click();
    const form = page.getByRole('form', { name: '燃气：同步方式' });
    await form.getByLabel('接口地址').fill(utility.url);
    await form.getByLabel('共享密钥').fill(secret);
    await form.getByRole('button', { name: '保存设置' }).click();
    await expect(form.getByRole('status')).toHaveText('已保存');
    // Write-only: the secret is not shown again, only that one is set.
    await expect(form.getByLabel('共享密钥')).toHaveValue('');
    await expect(form.getByLabel('共享密钥')).toHaveAttribute('placeholder', '已设置；留空则保持不变');
    // The operator tries the connection before the night: a signed empty batch, answered.
    await form.getByRole('button', { name: '测试连接' }).click();
    await expect(page.getByTestId('connection-test')).toContainText('连接正常');

    utility.updates.push({ workOrderId: 'wo-999', status: 'taken', at: '2026-10-01T01:00:00.000Z' });
    await gasRow.getByRole('button', { name: '立即同步' }).click();
    await expect(gasRow.getByRole('progressbar', { name: 'gas 同步进度' })).toBeVisible();
    await expect(gasRow).toContainText('已完成');
    await expect(gasRow).not.toContainText('未设置');
    await expect(page.getByRole('region', { name: '同步记录' }).getByRole('row').nth(1)).toContainText('管理员立即同步');
    await expect(page.getByRole('region', { name: '同步记录' }).getByRole('row').nth(1)).toContainText('成功');
    expect(utility.records.size).toBe(0); // nothing was queued, so no record went out (the test batch was empty)
  } finally {
    await utility.close();
  }
});
