import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apiFor } from './hall-api.ts';
import { expect, test } from './hall-fixture.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const password = 'Hall2026pass';
const backupPassword = 'Backup2026key';

/** What a manager must never read on the page: message keys, error codes, JSON, ISO timestamps. */
async function expectNoRawCodes(page: Page) {
  const text = await page.locator('main, body').first().innerText();
  expect(text).not.toMatch(/errors\.|field\.|ledgers:|backupPassword|wrong_password|conflict|validation|[{}]|"\w+":|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
}

test('the administrator sets a backup password, backs up encrypted, and stages and cancels a restore that asks for it (zh, then en)', async ({
  page,
  hall,
}) => {
  // Seed only: the hall's administrator and a signed-in session (first-run.spec.ts drives setup and sign-in).
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const token = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  await page.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), token);

  await page.goto(`${hall.url}/manage`);
  await page.getByRole('navigation').getByRole('link', { name: '数据备份' }).click();
  await expect(page.getByRole('heading', { name: '数据备份', exact: true })).toBeVisible();
  // Until a password is set, the page warns that copies of citizens' data are written in clear.
  const warning = page.getByRole('alert').filter({ hasText: '备份未加密' });
  await expect(warning).toContainText('请设置备份密码');

  // A too-short password: the field says why, in Chinese, and nothing is set.
  const form = page.getByRole('region', { name: '设置备份密码' });
  await form.getByLabel('新备份密码').fill('short1');
  await form.getByLabel('再输入一次').fill('short1');
  await form.getByRole('button', { name: '设置备份密码' }).click();
  await expect(form.getByText('密码至少 12 位')).toBeVisible();
  await expect(warning).toBeVisible();
  await expectNoRawCodes(page);

  await form.getByLabel('新备份密码').fill(backupPassword);
  await form.getByLabel('再输入一次').fill(backupPassword);
  await form.getByRole('button', { name: '设置备份密码' }).click();
  await expect(page.getByRole('status').filter({ hasText: '新备份均已加密' })).toBeVisible();
  await expect(warning).toHaveCount(0);
  // Set once, the form becomes the change form and says older backups keep their password.
  const changeForm = page.getByRole('region', { name: '修改备份密码' });
  await expect(changeForm).toContainText('此前的备份仍需当时的密码');
  await expect(changeForm.getByLabel('新备份密码')).toHaveValue('');

  await page.getByRole('button', { name: '立即备份' }).click();
  const table = page.getByRole('table', { name: '数据备份' });
  const encryptedRow = table.getByRole('row').filter({ hasText: '已加密' });
  await expect(encryptedRow).toHaveCount(1);
  const name = (await encryptedRow.getByRole('cell').first().innerText()).trim();
  expect(name).toMatch(/\.enc$/);

  // A restore of the encrypted copy: the file's name typed to confirm, and its backup password.
  await encryptedRow.getByRole('button', { name: '用此备份恢复…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `用 ${name} 恢复数据库？` });
  await dialog.getByLabel(`请输入 ${name} 以确认`).fill(name);
  const stage = dialog.getByRole('button', { name: '确认恢复' });
  // Without the password the restore cannot even be asked for.
  await expect(stage).toBeDisabled();
  await dialog.getByLabel('备份密码').fill('Wrong2026guess');
  await stage.click();
  await expect(dialog.getByRole('alert')).toContainText('备份密码不正确');
  await expect(dialog.getByRole('alert')).toContainText('未做任何恢复');
  // Nothing staged: no pending restore on the page.
  await expect(page.getByText('下次启动大厅服务时生效')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '取消恢复' })).toHaveCount(0);
  await expectNoRawCodes(page);

  await dialog.getByLabel('备份密码').fill(backupPassword);
  await stage.click();
  await expect(dialog).toHaveCount(0);
  const pending = page.getByRole('status').filter({ hasText: '下次启动大厅服务时生效' });
  await expect(pending).toContainText(`已准备用 ${name} 恢复`);
  await expectNoRawCodes(page);
  await page.screenshot({ path: join(screenshots, 'backups-zh.png'), fullPage: true });

  await pending.getByRole('button', { name: '取消恢复' }).click();
  await expect(page.getByText('下次启动大厅服务时生效')).toHaveCount(0);
  await expect(encryptedRow).toHaveCount(1);

  // The same page in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'New backups are encrypted' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: name })).toContainText('Encrypted');
  await expect(page.getByRole('heading', { name: 'Change the backup password' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore from this backup…' }).first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('备份');
  await expectNoRawCodes(page);
});
