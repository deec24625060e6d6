import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startUtilityServer } from '../integration/utility-server.ts';
import { apiFor, residentId } from './hall-api.ts';
import { expect, hallNow, test } from './hall-fixture.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const password = 'Hall2026pass';
const secret = 'utility-shared-secret-0123456789';
// A one-pixel PNG: the customer's signature, as the customer screen would send it.
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** What an administrator must never read on the page: message keys, error codes, JSON, ISO timestamps. */
async function expectNoRawCodes(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(
    /errors[.:]|field\.|privacy:|openApplication|waitingForUtility|feeEvidence|conflict|validation|[{}]|"\w+":|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
  );
}

test('the administrator keeps ticket phones 60 days instead of 30, and erases a person on request once nothing legally keeps the data', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(90_000);
  const utility = await startUtilityServer({ secret, now: () => hallNow(hall) });
  try {
    // Seed only (this spec is about the privacy page, not intake or sync, which their own specs drive
    // from the screens): the staff, two people's gas repairs accepted and signed at a counter, one of
    // them completed, and a sync that gets both to the gas company, so no copy still waits for it.
    const api = apiFor(page, hall);
    expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
    const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
    expect((await api('staff/create', { workNo: 'C001', name: '张晓清', password, roles: ['clerk'] }, admin)).ok).toBe(true);
    expect((await api('staff/create', { workNo: 'M001', name: '李经理', password, roles: ['manager'] }, admin)).ok).toBe(true);
    const clerk = (await api<{ token: string }>('auth/login', { workNo: 'C001', password })).value.token;
    const manager = (await api<{ token: string }>('auth/login', { workNo: 'M001', password })).value.token;
    const counters = (await api<{ counters: { id: number; number: number }[] }>('queue/overview', {}, admin)).value.counters;
    const counterId = counters.find((c) => c.number === 1)?.id ?? 0;
    const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'rate', name: '1号窗口客户屏', counterId }, admin)).value;
    const rate = (await api<{ token: string }>('devices/pair', { code })).value.token;
    expect((await api('queue/openCounter', { counterId }, clerk)).ok).toBe(true);

    const erasable = { name: '王芳', idNumber: residentId('11010519900307002') };
    const open = { name: '刘建国', idNumber: residentId('50011219851201123') };
    const workOrders: number[] = [];
    for (const person of [erasable, open]) {
      // A gas repair without the optional paid service: nothing paid, so no signed fee list kept as evidence.
      const selection = { businesses: ['gasRepair'] };
      const request = await api<{ requestId: number }>('intake/requestSignature', { counterId, selection }, clerk);
      expect(request.ok, JSON.stringify(request.error)).toBe(true);
      const pending = (await api<{ token: string; feeHash: string }>('intake/pendingSignature', {}, rate)).value;
      expect((await api('intake/sign', { token: pending.token, feeHash: pending.feeHash, image: SIGNATURE }, rate)).ok).toBe(true);
      const submitted = await api<{ workOrders: { id: number }[] }>(
        'intake/submit',
        {
          idempotencyKey: crypto.randomUUID(),
          counterId,
          customer: {
            kind: 'person',
            name: person.name,
            idType: 'residentId',
            idNumber: person.idNumber,
            mobile: '13912345678',
            address: '城东区幸福路 8 号',
            accounts: [],
          },
          selection,
          signatureRequestId: request.value.requestId,
        },
        clerk,
      );
      expect(submitted.ok, JSON.stringify(submitted.error)).toBe(true);
      workOrders.push(submitted.value.workOrders[0]?.id ?? 0);
    }
    expect((await api('intake/setWorkOrderStatus', { workOrderId: workOrders[0], status: 'completed' }, admin)).ok).toBe(true);
    expect((await api('sync/setHallCode', { hallCode: 'HALL-YB-01' }, admin)).ok).toBe(true);
    expect((await api('sync/saveConnector', { utility: 'gas', kind: 'http', enabled: true, baseUrl: utility.url, secret }, admin)).ok).toBe(true);
    expect((await api('sync/runNow', { utility: 'gas' }, admin)).ok).toBe(true);
    await expect
      .poll(async () =>
        (await api<{ utilities: { utility: string; pending: number; running: boolean }[] }>('sync/overview', {}, admin)).value.utilities.find(
          (u) => u.utility === 'gas',
        ),
      )
      .toMatchObject({ pending: 0, running: false });

    // The administrator's session (first-run.spec.ts drives sign-in).
    await page.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), admin);
    await page.goto(`${hall.url}/manage`);
    await page.getByRole('navigation').getByRole('link', { name: '个人信息保护' }).click();
    await expect(page.getByRole('heading', { name: '个人信息保护', exact: true })).toBeVisible();

    // The retention rules with their defaults, and what each counts from.
    const rules = page.getByRole('table', { name: '保存期限' });
    const row = (kind: string) => rules.getByRole('row').filter({ hasText: kind });
    await expect(row('取号手机号')).toContainText('自取号当天起');
    await expect(row('取号手机号')).toContainText('30 天');
    await expect(row('收费清单签字图像')).toContainText('3 年');
    await expect(row('客户档案')).toContainText('3 年');
    await expect(row('发送给专营单位的记录副本')).toContainText('180 天');
    await expect(row('文件交换目录中的批次文件')).toContainText('30 天');
    const ticketPhones = page.getByLabel('取号手机号的保存期限');
    await expect(ticketPhones).toHaveValue('30');
    await expect(page.getByLabel('取号手机号的期限单位')).toHaveValue('days');
    // The daily job ran at the hall's start this morning, with nothing yet due.
    const lastRun = page.getByRole('region', { name: '最近一次清理' });
    await expect(lastRun).toContainText('运行时间：2026/11/25');
    await expect(lastRun).toContainText('取号手机号：0 条');

    await ticketPhones.fill('60');
    await page.getByRole('button', { name: '保存期限设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('下次清理时按新期限执行');
    await page.reload();
    await expect(page.getByLabel('取号手机号的保存期限')).toHaveValue('60');
    // The default column still says what the law-minded default was.
    await expect(row('取号手机号')).toContainText('30 天');

    // Erasure on request, refused in words while an application is still being worked.
    const erasure = page.getByRole('region', { name: '按本人申请删除个人信息' });
    const idField = erasure.getByLabel('证件号码', { exact: true });
    const preview = erasure.getByRole('button', { name: '查看将删除的内容' });
    await idField.fill(open.idNumber);
    await preview.click();
    await expect(page.getByText(`证件号码 ${open.idNumber.slice(0, 6)}********${open.idNumber.slice(-4)} 的个人信息：`)).toBeVisible();
    const blocked = page.getByRole('alert').filter({ hasText: '有法定保存要求，暂不能删除' });
    await expect(blocked).toContainText('该人还有 1 件申请正在办理，办结前不能删除其个人信息。');
    await expect(page.getByRole('button', { name: '确认删除' })).toHaveCount(0);
    await expectNoRawCodes(page);

    // A person whose only application is done and in the gas company's hands: what goes, who is told.
    await idField.fill(erasable.idNumber);
    await expect(blocked).toHaveCount(0);
    await preview.click();
    const masked = `${erasable.idNumber.slice(0, 6)}********${erasable.idNumber.slice(-4)}`;
    await expect(page.getByText(`证件号码 ${masked} 的个人信息：`)).toBeVisible();
    await expect(page.getByText('客户档案：1 个')).toBeVisible();
    await expect(page.getByText('申请：1 件（申请记录保留，删除其中的姓名和户号）')).toBeVisible();
    await expect(page.getByText('签字图像：1 份')).toBeVisible();
    await expect(page.getByText('将通知以下专营单位删除：燃气')).toBeVisible();
    await expect(blocked).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(erasable.idNumber);
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('删除后无法恢复');
    // From the top: a sticky table heading would otherwise be drawn where the scroll left it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, 'privacy-zh.png'), fullPage: true });

    // The wrong last four characters are refused, in words, and nothing is erased.
    const lastFour = confirm.getByLabel('请输入证件号码的后 4 位以确认');
    await lastFour.fill('1234');
    await confirm.getByRole('button', { name: '确认删除' }).click();
    await expect(confirm.getByText('与证件号码的后 4 位不一致，未删除任何信息。')).toBeVisible();
    await expect(page.getByText(`已删除证件号码 ${masked}`)).toHaveCount(0);
    await expectNoRawCodes(page);

    await lastFour.fill(erasable.idNumber.slice(-4));
    await confirm.getByRole('button', { name: '确认删除' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已删除证件号码 ${masked} 的个人信息，并已通知 燃气 删除。` })).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    // Asked again, the hall holds nothing of the person.
    await preview.click();
    await expect(page.getByText(`本厅没有证件号码 ${masked} 的个人信息（或已删除）。`)).toBeVisible();
    await expectNoRawCodes(page);

    // A manager runs the hall but is not its administrator: the page is not in the navigation.
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), manager);
    const managerPage = await context.newPage();
    await managerPage.goto(`${hall.url}/manage`);
    const nav = managerPage.getByRole('navigation');
    await expect(nav.getByRole('link', { name: '数据备份' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '个人信息保护' })).toHaveCount(0);
    await context.close();
  } finally {
    await utility.close();
  }
});
