import { expect, test } from './hall-fixture.ts';

const PASSWORD = 'Hall2026pass';

test('a manager registers a 12345 complaint, investigates, replies and closes it; the ledger masks the complainant', async ({ page, hall }) => {
  const api = async <T = unknown>(name: string, body: unknown, token?: string) => {
    const res = await page.request.post(`${hall.url}/api/${name}`, { data: body, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return (await res.json()) as { ok: boolean; value: T };
  };
  expect((await api('setup/createAdmin', { hallName: '测试大厅', workNo: 'A001', name: '王管理', password: PASSWORD })).ok).toBe(true);

  await page.goto(`${hall.url}/manage`);
  await page.getByLabel('工号').fill('A001');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation').getByRole('link', { name: '投诉台账' }).click();
  await expect(page.getByRole('heading', { name: '投诉台账', level: 1 })).toBeVisible();

  // Register: from the 12345 hotline, about gas.
  await page.getByRole('button', { name: '登记投诉' }).click();
  const form = page.locator('form.ledger-form');
  await form.getByLabel('渠道').selectOption('hotline12345');
  await form.getByLabel('来源单号').fill('12345-0187');
  await form.getByLabel('投诉人姓名').fill('王小明');
  await form.getByLabel('联系电话').fill('13812345678');
  await form.getByLabel('涉及行业').selectOption('gas');
  await form.getByLabel('投诉内容').fill('燃气报装超过承诺时限仍未通气');
  await form.getByRole('button', { name: '登记', exact: true }).click();

  // The new complaint opens: masked, registered, due in working days.
  const detail = page.locator('section.ledger-detail');
  await expect(detail.getByRole('heading', { name: /投诉 \d+ · 已登记/ })).toBeVisible();
  await expect(detail).toContainText('王** 138****5678');
  await expect(detail).not.toContainText('王小明');

  // Investigate, reply, close.
  await detail.getByLabel('调查核实情况').fill('核实：外线施工受阻');
  await detail.getByLabel('处置措施').fill('协调施工队当日进场');
  await detail.getByRole('button', { name: '保存调查与措施' }).click();
  await expect(detail.getByRole('heading', { name: /调查处置中/ })).toBeVisible();
  await detail.getByLabel('回复方式').selectOption('phone');
  await detail.getByLabel('回复内容').fill('已致电说明并致歉，今日通气');
  await detail.getByRole('button', { name: '保存回复' }).click();
  await expect(detail.getByRole('heading', { name: /已回复/ })).toBeVisible();
  await detail.getByLabel('追责问责情况').fill('对施工协调人员通报批评');
  await detail.getByRole('button', { name: '办结此投诉' }).click();
  await expect(detail.getByRole('heading', { name: /已办结/ })).toBeVisible();
  await expect(detail).toContainText('日清日结');

  // The ledger: one line, closed, cleared the same day, the complainant masked.
  const ledger = page.getByRole('table', { name: '投诉登记簿' });
  const row = ledger.getByRole('row').filter({ hasText: '燃气报装超过承诺时限仍未通气' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('王**');
  await expect(row).toContainText('138****5678');
  await expect(row).toContainText('12345 热线');
  await expect(row).toContainText('已办结');
  await expect(row).toContainText('按期办结');
  await expect(ledger).not.toContainText('王小明');
  await expect(page.getByRole('list', { name: '投诉统计' })).toContainText('日清日结率100%');

  // Showing the full name is possible, for a reason, and it is logged.
  await detail.getByLabel('查看完整信息的理由').fill('回访投诉人');
  await detail.getByRole('button', { name: '查看完整信息（记入日志）' }).click();
  await expect(detail).toContainText('王小明 13812345678');
  await page.getByRole('navigation').getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText('查看投诉人信息');
  // The manager's report of who saw personal data, and the log's hash chain checked.
  await expect(page.getByRole('table', { name: '查看客户完整信息的记录' }).getByRole('row', { name: /王管理 \(A001\)/ })).toContainText('回访投诉人');
  await expect(page.getByTestId('audit-chain')).toContainText('操作日志完整');

  // A clerk signed in at /manage is refused, and so is a manager method called directly.
  const { value: admin } = await api<{ token: string }>('auth/login', { workNo: 'A001', password: PASSWORD });
  expect((await api('staff/create', { workNo: 'C001', name: '陈静', password: PASSWORD, roles: ['clerk'] }, admin.token)).ok).toBe(true);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto(`${hall.url}/manage/complaints`);
  await page.getByLabel('工号').fill('C001');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('无权');
  await expect(page.getByRole('heading', { name: '投诉台账' })).toHaveCount(0);
  const { value: clerk } = await api<{ token: string }>('auth/login', { workNo: 'C001', password: PASSWORD });
  const refused = await page.request.post(`${hall.url}/api/complaints/list`, { data: {}, headers: { authorization: `Bearer ${clerk.token}` } });
  expect(refused.status()).toBe(403);
});

test.describe('at the turn of a year whose holidays are not yet published', () => {
  // Monday 28 December 2026: chinese-days knows no 2027 holidays, so five working days run to 4 January on weekends only.
  test.use({ hallDay: '2026-12-28' });

  test('a complaint due in 2027 shows a provisional deadline until the manager imports 2027, which moves it and says so', async ({ page, hall }) => {
    const api = async (name: string, body: unknown) => (await (await page.request.post(`${hall.url}/api/${name}`, { data: body })).json()) as { ok: boolean };
    // Seed: the hall and its administrator (first-run setup has its own spec).
    expect((await api('setup/createAdmin', { hallName: '测试大厅', workNo: 'A001', name: '王管理', password: PASSWORD })).ok).toBe(true);

    await page.goto(`${hall.url}/manage/complaints`);
    await page.getByLabel('工号').fill('A001');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '登记投诉' }).click();
    const form = page.locator('form.ledger-form');
    await form.getByLabel('投诉人姓名').fill('李四');
    await form.getByLabel('投诉内容').fill('窗口等候时间过长');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    const detail = page.locator('section.ledger-detail');
    await expect(detail).toContainText('2027-01-04（预计）');

    // The manager's live hall warns that 2027 is missing (from 1 November).
    await page.getByRole('navigation').getByRole('link', { name: '报表与实况' }).click();
    await expect(page.getByTestId('alert-calendarMissing')).toContainText('2027');

    // The State Council's arrangement: 1–3 January off, nothing worked in lieu (as the notice reads).
    await page.goto(`${hall.url}/manage/catalogue`);
    await page.getByLabel('导入放假安排文件').setInputFiles({
      name: '2027.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] })),
    });
    const moved = page.getByTestId('calendar-moved');
    await expect(moved).toContainText('1 个在办期限已调整');
    await expect(moved.getByRole('row', { name: /投诉/ })).toContainText('2027-01-04');
    await expect(moved.getByRole('row', { name: /投诉/ })).toContainText('2027-01-05');

    // The ledger now shows the new day, no longer provisional.
    await page.goto(`${hall.url}/manage/complaints`);
    const row = page.getByRole('row', { name: /李\*/ });
    await expect(row).toContainText('2027-01-05');
    await expect(row).not.toContainText('预计');
  });
});
