import { expect, test } from './hall-fixture.ts';
import { apiFor } from './hall-api.ts';

const password = 'Hall2026pass';

test('a table switches language with the screen: headers and the values its columns word (不限, 是)', async ({ page, hall }) => {
  const api = apiFor(page, hall);
  // Seeded through the API: the hall and its administrator's session (first-run and sign-in have their own specs).
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  await page.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), admin);
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.goto(`${hall.url}/manage/queue`);
  const categories = page.getByRole('table', { name: '业务类别' });
  const first = categories.locator('tbody tr').first();
  await expect(categories.locator('thead')).toContainText('每日限号');
  await expect(first).toContainText('综合业务');
  await expect(first).toContainText('不限');
  await expect(first).toContainText('是');

  await page.getByRole('button', { name: 'English' }).click();
  const english = page.getByRole('table', { name: 'Service categories' });
  await expect(english.locator('thead')).toContainText('Daily limit');
  const row = english.locator('tbody tr').first();
  await expect(row).toContainText('No limit');
  await expect(row).toContainText('Yes');
  await expect(row).not.toContainText('不限');

  // And back: nothing left over from English.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(first).toContainText('不限');
  await expect(first).not.toContainText('No limit');
});
