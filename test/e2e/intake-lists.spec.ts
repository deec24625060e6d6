import ExcelJS from 'exceljs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor, residentId, daysFromNow } from './hall-api.ts';

const password = 'Hall2026pass';
// A one-pixel PNG: the customer's signature, as the customer screen would send it.
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function staffScreen(browser: Browser, token: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), token);
  return context.newPage();
}

test('a clerk finds applications, exports them masked to Excel, marks a deferred material supplied, and the customer follows progress', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(90_000);
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C001', name: '张晓清', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const clerk = (await api<{ token: string }>('auth/login', { workNo: 'C001', password })).value.token;
  const counters = (await api<{ counters: { id: number; number: number }[] }>('queue/overview', {}, admin)).value.counters;
  const counterId = counters.find((c) => c.number === 1)?.id ?? 0;
  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'rate', name: '1号窗口客户屏', counterId }, admin)).value;
  const rate = (await api<{ token: string }>('devices/pair', { code })).value.token;
  expect((await api('queue/openCounter', { counterId }, clerk)).ok).toBe(true);

  // Two property transfers, accepted and signed as at the counter; the second owes a property certificate.
  const customers = [
    { name: '王芳', id: residentId('11010519900307002'), mobile: '13912345678' },
    { name: '刘建国', id: residentId('50011219851201123'), mobile: '13698765432' },
  ];
  const promised = daysFromNow(hall, 10);
  const ids: number[] = [];
  const paths: string[] = [];
  for (const [i, c] of customers.entries()) {
    const selection = { bundle: 'propertyTransfer' };
    const request = await api<{ requestId: number }>('intake/requestSignature', { counterId, selection }, clerk);
    expect(request.ok, JSON.stringify(request.error)).toBe(true);
    const pending = (await api<{ token: string; feeHash: string }>('intake/pendingSignature', {}, rate)).value;
    expect((await api('intake/sign', { token: pending.token, feeHash: pending.feeHash, image: SIGNATURE }, rate)).ok).toBe(true);
    const deferred = i === 1;
    const submitted = await api<{ id: number; progressPath: string }>(
      'intake/submit',
      {
        idempotencyKey: crypto.randomUUID(),
        counterId,
        customer: { kind: 'person', name: c.name, idType: 'residentId', idNumber: c.id, mobile: c.mobile, address: '城东区幸福路 8 号', accounts: [] },
        selection,
        materials: {
          idCard: { state: 'received' },
          businessLicence: { state: 'na' },
          powerOfAttorney: { state: 'na' },
          propertyCertificate: deferred ? { state: 'deferred', promisedDate: promised } : { state: 'received' },
          transferAgreement: { state: 'na' },
          settlementReceipt: { state: 'received' },
          waterApplicationForm: { state: 'received' },
          electricityApplicationForm: { state: 'received' },
          gasApplicationForm: { state: 'received' },
          telecomApplicationForm: { state: 'received' },
        },
        signatureRequestId: request.value.requestId,
      },
      clerk,
    );
    expect(submitted.ok, JSON.stringify(submitted.error)).toBe(true);
    ids.push(submitted.value.id);
    paths.push(submitted.value.progressPath);
  }

  // The clerk searches by phone: one application, the ID and phone masked.
  const lists = await staffScreen(browser, clerk);
  await lists.goto(`${hall.url}/lists`);
  const search = lists.getByRole('form', { name: '受理查询' });
  await search.getByLabel('手机号码').fill('13698765432');
  await search.getByRole('button', { name: '查询' }).click();
  await expect(lists.getByRole('status')).toHaveText('共 1 件');
  const table = lists.getByRole('table', { name: '受理记录' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('刘建国');
  await expect(table).not.toContainText(customers[1]?.id ?? 'x');
  await expect(table).not.toContainText('13698765432');
  await expect(table).toContainText('已受理');

  // Cleared, both show; the export holds what the table shows, masked.
  await search.getByRole('button', { name: '清空条件' }).click();
  await expect(lists.getByRole('status')).toHaveText('共 2 件');
  const [download] = await Promise.all([lists.waitForEvent('download'), lists.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toBe('受理记录.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  expect(sheet.rowCount).toBe(3);
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(['受理时间', '案件编号', '客户', '证件号码', '电话', '专营单位', '办理状态', '单位答复', '费用合计']);
  const cells = [2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1).map(String).join('|'));
  expect(cells.join('\n')).toContain('王芳');
  for (const c of customers) {
    expect(cells.join('\n')).not.toContain(c.id);
    expect(cells.join('\n')).not.toContain(c.mobile);
  }
  expect(cells.every((row) => /[SDQX]\d{8}/.test(row) || row.includes('-'))).toBe(true);

  // The deferred ledger lists the owed certificate; marked supplied, it leaves the list.
  await lists.getByRole('link', { name: '容缺台账' }).click();
  const ledger = lists.getByRole('table', { name: '容缺材料台账' });
  await expect(ledger.locator('tbody tr')).toHaveCount(1);
  await expect(ledger).toContainText('刘建国');
  await expect(ledger).toContainText(promised);
  await ledger.getByRole('button', { name: /^登记已补交/ }).click();
  await expect(ledger).toContainText('暂无数据');

  // The customer's phone opens the receipt's QR: states and dates, nothing personal.
  const progressPath = paths[1] ?? '';
  expect(progressPath).toMatch(/^\/p\//);
  expect(ids).toHaveLength(2);
  const phone = await browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 800 } });
  await phone.goto(`${hall.url}${progressPath}`);
  await expect(phone.getByRole('banner')).toContainText('办理进度');
  await expect(phone.getByRole('region', { name: '燃气' })).toContainText('已受理');
  await expect(phone.locator('.progress-card')).toHaveCount(4);
  await expect(phone.getByRole('region', { name: '容缺补交材料' })).toContainText('已补交');
  const text = await phone.locator('main').innerText();
  expect(text).not.toContain('刘建国');
  expect(text).not.toContain('13698765432');
});

test('a manager changes a fee and publishes a new catalogue version, posts the fee standards to the board, and marks a day off', async ({ page, hall }) => {
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  const before = (
    await api<{
      version: number;
      catalogue: { businesses: { names: { zh: string }; fees: { names: { zh: string }; priceFen: number; mandatory: boolean }[] }[] };
    }>('catalogue/current', {}, admin)
  ).value;
  const business = before.catalogue.businesses.find((b) => b.fees.some((f) => f.mandatory && f.priceFen > 0));
  const fee = business?.fees.find((f) => f.mandatory && f.priceFen > 0);
  if (!business || !fee) throw new Error('the default catalogue has a mandatory priced fee');

  const desk = await page.context().newPage();
  await desk.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), admin);
  await desk.goto(`${hall.url}/manage/catalogue`);
  await expect(desk.getByText(`现行第 ${before.version} 版`)).toBeVisible();
  await desk.getByRole('searchbox', { name: '筛选' }).fill(fee.names.zh);
  const price = desk.getByLabel(`${business.names.zh} ${fee.names.zh} 单价（元）`);
  await price.fill('123.45');
  await price.blur();
  await desk.getByRole('button', { name: '发布为新版本' }).click();
  await expect(desk.getByRole('status').first()).toHaveText(`已发布第 ${before.version + 1} 版`);
  const after = (await api<typeof before>('catalogue/current', {}, admin)).value;
  expect(after.version).toBe(before.version + 1);
  const changed = after.catalogue.businesses.find((b) => b.names.zh === business.names.zh)?.fees.find((f) => f.names.zh === fee.names.zh);
  expect(changed?.priceFen).toBe(12345);

  await desk.getByRole('button', { name: '将收费标准发布到叫号屏公告' }).click();
  await expect(desk.getByText('收费标准已发布到叫号屏公告')).toBeVisible();
  const notices = (await api<{ notices: { textZh: string }[] }>('queue/overview', {}, admin)).value.notices;
  expect(notices.some((n) => n.textZh.startsWith('收费标准公示') && n.textZh.includes('123.45元'))).toBe(true);

  const year = Number(daysFromNow(hall, 0).slice(0, 4));
  const form = desk.getByRole('form', { name: '调整某一天' });
  await form.getByLabel('日期').fill(`${year}-07-15`);
  await form.getByLabel('设为').selectOption('holiday');
  await form.getByRole('button', { name: '保存调整' }).click();
  await expect(desk.getByText(`${year}-07-15 已设为休息日`)).toBeVisible();
  // The month grid turns to the marked day's month and shows it resting.
  await expect(desk.getByTestId('calendar-grid').locator(`[data-date="${year}-07-15"]`)).toHaveAttribute('data-kind', 'holiday');
});
