import { apiFor } from './hall-api.ts';
import { expect, test } from './hall-fixture.ts';

const admin = { hallName: '测试大厅', workNo: 'A001', name: '王管理', password: 'Hall2026pass' };

test.use({ viewport: { width: 1366, height: 768 } });

/** What a manager must never read: action codes, JSON, the hall code's placeholder, command-line flags. */
const actionCode = /\b(setup|staff|auth|devices|queue|sync|ratings|calendar|catalogue)\.[a-zA-Z]+/;
const jsonLike = /[{}]|"\w+"\s*:/;

test('the manager reads words, not developer artefacts: audit actions and changes, hall code, rating devices, catalogue files and the calendar as a month', async ({
  page,
  hall,
}) => {
  // Seeding: the administrator and a clerk whose creation the audit log then shows (creating staff is another spec's subject).
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', admin)).ok).toBe(true);
  const token = (await api<{ token: string }>('auth/login', { workNo: admin.workNo, password: admin.password })).value.token;
  expect((await api('staff/create', { workNo: 'C201', name: '刘芳', password: 'Clerk2026pass', roles: ['clerk'] }, token)).ok).toBe(true);

  await page.goto(`${hall.url}/manage`);
  await page.getByLabel('工号').fill(admin.workNo);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();

  // 操作日志: Chinese action names and field lines, no codes, no JSON.
  await page.getByRole('link', { name: '操作日志' }).click();
  const log = page.getByRole('table', { name: '操作日志' });
  await expect(log.getByRole('row', { name: /新增人员/ })).toBeVisible({ timeout: 20_000 });
  await expect(log.getByRole('row', { name: /新增人员/ })).toContainText('姓名：刘芳');
  await expect(log.getByRole('row', { name: /新增人员/ })).toContainText('工号：C201');
  // A role is a word, and the record's number is labelled: no "clerk", no "id".
  await expect(log.getByRole('row', { name: /新增人员/ })).toContainText('角色：窗口人员');
  await expect(log.getByRole('row', { name: /新增人员/ })).toContainText('编号：');
  await expect(log).toContainText('创建系统管理员');
  const logText = await log.innerText();
  expect(logText).not.toMatch(actionCode);
  expect(logText).not.toMatch(jsonLike);
  expect(logText).not.toMatch(/\b(clerk|manager|admin|id)\b/);
  const actionChoices = await page.getByRole('combobox', { name: '操作', exact: true }).locator('option').allInnerTexts();
  expect(actionChoices).toContain('新增人员');
  expect(actionChoices.join(' ')).not.toMatch(actionCode);
  // 对象: picked by its kind in words and an optional number, never typed as "staff:3".
  const targetKind = page.getByRole('combobox', { name: '对象', exact: true });
  const kindChoices = await targetKind.locator('option').allInnerTexts();
  expect(kindChoices).toEqual(expect.arrayContaining(['所有对象', '人员', '投诉', '本大厅']));
  expect(kindChoices.join(' ')).not.toMatch(/[a-z]+:/);
  await expect(page.getByRole('textbox', { name: '对象编号' })).toBeDisabled();
  await targetKind.selectOption({ label: '投诉' });
  await expect(log.getByRole('row', { name: /新增人员/ })).toHaveCount(0);
  await targetKind.selectOption({ label: '人员' });
  await expect(log.getByRole('row', { name: /新增人员/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '对象编号' })).toBeEnabled();

  // 同步: a hall code not yet set says so, with what to do; never "UNSET".
  await page.getByRole('link', { name: '同步' }).click();
  await expect(page.getByTestId('hall-code-unset')).toContainText('未设置', { timeout: 20_000 });
  await expect(page.getByTestId('hall-code-unset')).toContainText('请填写专营企业为本大厅分配的编码');
  await expect(page.getByLabel('本大厅编码')).toHaveValue('');
  expect(await page.locator('body').innerText()).not.toContain('UNSET');

  // 好差评: the rating devices are explained in words, with no command-line syntax.
  await page.getByRole('link', { name: '好差评' }).click();
  await expect(page.getByRole('heading', { name: '窗口评价器' })).toBeVisible({ timeout: 20_000 });
  expect(await page.locator('body').innerText()).not.toMatch(/--[a-z]/);

  // 业务目录与收费: no JSON buttons in front of the manager (the catalogue file waits under 高级, in words).
  await page.getByRole('link', { name: '业务目录与收费' }).click();
  await expect(page.getByRole('heading', { name: '业务目录、收费标准与时限' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: '导出目录文件' })).toBeHidden();
  await page.getByText('高级：目录文件').click();
  await expect(page.getByRole('button', { name: '导出目录文件' })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toMatch(/JSON/i);

  // The working calendar as a month: 2026年12月, seven weekday columns, a day clicked becomes a holiday.
  await expect(page.getByTestId('calendar-month')).toHaveText('2026年11月');
  await page.getByRole('button', { name: '下个月' }).click();
  const grid = page.getByRole('table', { name: '2026年12月' });
  await expect(grid).toBeVisible();
  await expect(grid.locator('thead th')).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
  // 1 December 2026 is a Tuesday: the first week starts with one blank Monday.
  await expect(grid.locator('tbody tr').first().locator('td').nth(1)).toContainText('1');
  await expect(grid.getByRole('button', { name: '12月6日 休息日' })).toBeVisible();
  await grid.getByRole('button', { name: '12月2日 工作日' }).click();
  const marked = grid.getByRole('button', { name: '12月2日 休息日（本大厅调整）' });
  await expect(marked).toBeVisible();
  await expect(marked).toHaveAttribute('data-kind', 'holiday');
  await expect(marked).toContainText('休');
  expect(await page.locator('body').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}、\d{4}-\d{2}-\d{2}/);
});
