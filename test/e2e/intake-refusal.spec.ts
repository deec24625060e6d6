import { expect, test } from './hall-fixture.ts';
import { apiFor, residentId } from './hall-api.ts';

const password = 'Hall2026pass';

test('a refused submission takes the clerk to the first problem and counts what is left; a person’s licence and power of attorney start as 不适用', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(120_000);
  const api = apiFor(page, hall);
  // Seeded through the API: the hall, its administrator and a clerk (their own pages have their own specs).
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C003', name: '陈思', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const clerkToken = (await api<{ token: string }>('auth/login', { workNo: 'C003', password })).value.token;
  const applications = async () => (await api<{ total: number }>('intake/search', {}, clerkToken)).value.total;

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  await context.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), clerkToken);
  // No printer here: the print dialog is the one thing replaced.
  await context.addInitScript(() => {
    window.print = () => {};
  });
  const clerk = await context.newPage();
  await clerk.goto(`${hall.url}/counter`);
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  await clerk.getByRole('tab', { name: /受理/ }).click();
  const form = clerk.getByTestId('intake-form');

  // A person: the licence and the power of attorney cannot apply, and start as 不适用.
  await form.getByLabel('姓名').fill('刘洋');
  await form.getByTestId('business-waterSuspend').check();
  await expect(form.locator('.material')).toHaveCount(4);
  await expect(form.getByTestId('material-businessLicence').getByLabel('不适用')).toBeChecked();
  await expect(form.getByTestId('material-powerOfAttorney').getByLabel('不适用')).toBeChecked();
  // …and the clerk can still change it: this customer sent his son with a power of attorney.
  await form.getByTestId('material-powerOfAttorney').getByLabel('已收取').check();
  await expect(form.getByTestId('material-powerOfAttorney').getByLabel('已收取')).toBeChecked();
  await expect(form.getByTestId('material-idCard').getByLabel('不适用')).toBeDisabled();

  // Signed on paper (no screen at this counter), so submitting is the next step.
  await form.getByTestId('print-paper-form').click();
  await form.getByTestId('record-paper-signature').click();
  const bar = form.locator('.signature-bar');
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'paperSigned');
  await expect(bar).toHaveAttribute('data-tone', 'ok');

  // Refused by the form: the ID number and phone are missing and two materials are unmarked.
  await clerk.evaluate(() => window.scrollTo(0, 0));
  await form.getByTestId('submit-intake').click();
  await expect(form.getByTestId('problem-count')).toHaveText('还有 4 处需要处理');
  await expect(bar).toHaveAttribute('data-tone', 'warn');
  await expect(form.getByLabel('证件号码')).toBeFocused();
  await expect(form.getByLabel('证件号码')).toBeInViewport();

  // The customer fixed, the hall refuses on the materials: the first one unmarked is brought up and focused.
  await form.getByLabel('证件号码').fill(residentId('50011219850612003'));
  await form.getByLabel('手机号码').fill('13800238000');
  await expect(form.getByTestId('problem-count')).toHaveText('还有 2 处需要处理');
  await form.getByTestId('submit-intake').click();
  await expect(form.getByRole('alert').filter({ hasText: '以下材料不满足受理条件' })).toBeVisible();
  const firstUnmarked = form.getByTestId('material-idCard').getByLabel('已收取');
  await expect(firstUnmarked).toBeFocused();
  await expect(firstUnmarked).toBeInViewport();
  expect(await applications()).toBe(0);

  // Each problem dealt with counts down; none left, the bar is green again and the application goes in.
  await firstUnmarked.check();
  await expect(form.getByTestId('problem-count')).toHaveText('还有 1 处需要处理');
  await form.getByTestId('material-waterApplicationForm').getByLabel('已收取').check();
  await expect(form.getByTestId('problem-count')).toHaveCount(0);
  await expect(bar).toHaveAttribute('data-tone', 'ok');
  await form.getByTestId('submit-intake').click();
  await expect(form.getByTestId('case-number')).toHaveCount(1);
  expect(await applications()).toBe(1);
  await context.close();
});
