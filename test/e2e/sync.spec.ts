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
      (await (await page.request.post(`${hall.url}/api/${name}`, { data: body, headers: token ? { Authorization: `Bearer ${token}` } : {} })).json()) as {
        ok: boolean;
        value: T;
      };
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

test('a record the utility refused is corrected on a form of its fields, never as JSON text, and goes again', async ({ page, hall }) => {
  test.setTimeout(90_000);
  const utility = await startUtilityServer({ secret, now: () => hallNow(hall) });
  try {
    const api = async <T>(name: string, body: unknown, token?: string) =>
      (await (await page.request.post(`${hall.url}/api/${name}`, { data: body, headers: token ? { Authorization: `Bearer ${token}` } : {} })).json()) as {
        ok: boolean;
        value: T;
      };
    // Seeded through the API, none of it what this test is about: the administrator, the hall code
    // and the gas connector (set on screen by the test above), and a gas complaint registered
    // without its case number (the complaints ledger has its own spec).
    expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
    const token = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
    expect((await api('sync/setHallCode', { hallCode: 'HALL-YB-01' }, token)).ok).toBe(true);
    expect((await api('sync/saveConnector', { utility: 'gas', kind: 'http', enabled: true, baseUrl: utility.url, secret }, token)).ok).toBe(true);
    const complaint = await api<{ id: number }>(
      'complaints/register',
      {
        channel: 'hotline12345',
        complainantName: '李娜',
        complainantPhone: '13800135678',
        utility: 'gas',
        content: '燃气过户迟迟未办结',
        receivedAt: hallNow(hall).toISOString(),
      },
      token,
    );
    expect(complaint.ok).toBe(true);
    utility.rejectIf = (r) => (r.type === 'complaint' && !r.data.caseNumber ? '缺少办件编号' : undefined);
    await page.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), token);

    await page.goto(`${hall.url}/manage/sync`);
    const gasRow = page.getByRole('row', { name: /燃气/ });
    await gasRow.getByRole('button', { name: '立即同步' }).click();
    await expect(gasRow).toContainText('已完成');
    await gasRow.getByRole('button', { name: '设置与记录' }).click();
    const rejected = page.getByRole('region', { name: '被退回的记录' });
    await expect(rejected).toContainText('缺少办件编号');
    await rejected.getByRole('button', { name: '更正并重发' }).click();

    const form = page.getByRole('form', { name: `更正「投诉 ${complaint.value.id}」` });
    // The record's fields with their names, the codes in words, the hall's own records read only; no JSON anywhere.
    await expect(form.locator('textarea')).toHaveCount(0);
    await expect(form).not.toContainText('{');
    await expect(form).not.toContainText('"');
    await expect(form.getByLabel('内容')).toHaveValue('燃气过户迟迟未办结');
    await expect(form.getByRole('definition').filter({ hasText: '12345 热线' })).toHaveCount(1);
    await expect(form.getByRole('definition').filter({ hasText: '已登记' })).toHaveCount(1);
    // Days and times in the screen's words, never ISO.
    await expect(form).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await expect(form.getByRole('textbox')).toHaveCount(3); // 外部编号, 办件编号, 内容: nothing else is editable
    await expect(form.getByLabel('收到时间')).toHaveCount(0);

    await form.screenshot({ path: test.info().outputPath('resend-form.png') });

    utility.rejectIf = () => undefined;
    await form.getByLabel('办件编号').fill('GAS-20261125-001');
    await form.getByRole('button', { name: '重新发送' }).click();
    await expect(form).toHaveCount(0);
    await expect(rejected).toContainText('没有被退回的记录。');
    await gasRow.getByRole('button', { name: '立即同步' }).click();
    await expect.poll(() => utility.records.get(`cp-${complaint.value.id}`)?.version).toBe(2);
    expect(utility.records.get(`cp-${complaint.value.id}`)?.data).toMatchObject({ caseNumber: 'GAS-20261125-001', content: '燃气过户迟迟未办结' });
  } finally {
    await utility.close();
  }
});
