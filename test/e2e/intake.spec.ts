import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor, residentId, daysFromNow } from './hall-api.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const password = 'Hall2026pass';

/** A separate browser (another PC, or the customer's screen) signed in with `token` under `scope`. */
async function screenWith(browser: Browser, scope: 'staff' | 'rate', token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`onewindow.session.${scope}`, token] as const);
  return { context, page: await context.newPage() };
}

/** The customer signs with a finger: a few strokes across the pad. */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  const strokes = [
    [0.1, 0.6, 0.25, 0.3, 0.35, 0.7],
    [0.4, 0.4, 0.55, 0.65, 0.7, 0.35],
    [0.72, 0.5, 0.9, 0.55],
  ];
  for (const stroke of strokes) {
    await page.mouse.move(box.x + box.width * (stroke[0] ?? 0), box.y + box.height * (stroke[1] ?? 0));
    await page.mouse.down();
    for (let i = 2; i < stroke.length; i += 2) {
      await page.mouse.move(box.x + box.width * (stroke[i] ?? 0), box.y + box.height * (stroke[i + 1] ?? 0), { steps: 8 });
    }
    await page.mouse.up();
  }
}

test('a property transfer for four utilities: one deferred material, the customer signs, the receipt PDF holds it all', async ({ page, hall, browser }) => {
  test.setTimeout(120_000);
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C001', name: '张晓清', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const clerkToken = (await api<{ token: string }>('auth/login', { workNo: 'C001', password })).value.token;
  const overview = await api<{ counters: { id: number; number: number }[] }>('queue/overview', {}, admin);
  const counterId = overview.value.counters.find((c) => c.number === 1)?.id ?? 0;
  // The customer-facing screen at counter 1.
  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'rate', name: '1号窗口客户屏', counterId }, admin)).value;
  const rateToken = (await api<{ token: string }>('devices/pair', { code })).value.token;
  const applications = async () => (await api<{ total: number }>('intake/search', {}, clerkToken)).value.total;

  // The clerk opens counter 1 and the intake tab.
  const { page: clerk, context: clerkContext } = await screenWith(browser, 'staff', clerkToken);
  await clerk.setViewportSize({ width: 1360, height: 900 });
  await clerk.goto(`${hall.url}/counter`);
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  await clerk.getByRole('tab', { name: /受理/ }).click();
  const form = clerk.getByTestId('intake-form');
  await expect(form.getByRole('heading', { name: '客户信息' })).toBeVisible();

  // A malformed resident ID is caught as the field is left, in words the clerk understands.
  const id = residentId('11010519900307002');
  const wrong = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
  await form.getByLabel('姓名').fill('王芳');
  await form.getByLabel('证件号码').fill(wrong);
  await form.getByLabel('手机号码').focus();
  await expect(form.getByText('身份证号码校验位不正确，请核对')).toBeVisible();
  await form.getByLabel('证件号码').fill(id);
  await form.getByLabel('手机号码').fill('13912345678');
  await expect(form.getByText('身份证号码校验位不正确，请核对')).toHaveCount(0);

  // Property transfer for all four utilities: the materials once, the deadlines per utility.
  await form.getByTestId('bundle-propertyTransfer').click();
  await expect(form.getByTestId('material-idCard')).toHaveCount(1);
  await expect(form.locator('.material')).toHaveCount(10);
  await expect(form.getByTestId('deadlines').locator('tbody tr')).toHaveCount(4);
  await form.getByTestId('account-water').fill('SW-0012345');
  const promised = daysFromNow(hall, 10);
  const decide = async (material: string, state: '已收取' | '容缺' | '不适用') => form.getByTestId(`material-${material}`).getByLabel(state).check();
  for (const m of ['idCard', 'settlementReceipt', 'waterApplicationForm', 'electricityApplicationForm', 'gasApplicationForm']) await decide(m, '已收取');
  for (const m of ['businessLicence', 'powerOfAttorney', 'transferAgreement']) await decide(m, '不适用');
  // The ID card may not be deferred; the property certificate may.
  await expect(form.getByTestId('material-idCard').getByLabel('容缺')).toBeDisabled();
  await decide('propertyCertificate', '容缺');
  await form.getByTestId('promised-propertyCertificate').fill(promised);

  // The draft survives a reload (a crash, a power cut): everything comes back.
  await expect(form.getByTestId('draft-state')).toHaveAttribute('data-state', 'saved');
  await clerk.reload();
  await expect(clerk.getByTestId('intake-form').getByLabel('姓名')).toHaveValue('王芳');
  await expect(form.getByLabel('证件号码')).toHaveValue(id);
  await expect(form.getByTestId('promised-propertyCertificate')).toHaveValue(promised);
  await expect(form.getByTestId('material-idCard').getByLabel('已收取')).toBeChecked();

  // The customer signs the fee list on the screen facing them.
  await form.getByTestId('request-signature').click();
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'pending');
  const { page: rate } = await screenWith(browser, 'rate', rateToken);
  await rate.goto(`${hall.url}/rate`);
  const panel = rate.getByTestId('signature-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('供水过户');
  await expect(panel).toContainText('固话/宽带过户');
  await expect(panel.getByTestId('fees-water')).toContainText('本项业务不收费');
  await expect(panel.getByRole('button', { name: '确认签字' })).toBeDisabled();
  await drawSignature(rate);
  await rate.screenshot({ path: test.info().outputPath('rate-signature.png') });
  await panel.getByRole('button', { name: '确认签字' }).click();
  await expect(rate.getByTestId('signature-thanks')).toBeVisible();
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'signed');

  // A mandatory material left unmarked blocks submission, saying which, and nothing is saved.
  await form.getByTestId('submit-intake').click();
  await expect(form.getByRole('alert').filter({ hasText: '以下材料不满足受理条件' })).toContainText('通信业务登记表');
  await expect(form.getByTestId('material-telecomApplicationForm')).toContainText('请标记该材料');
  expect(await applications()).toBe(0);
  await decide('telecomApplicationForm', '已收取');

  // A business added after signing changes the fee list: the form will not submit on that signature.
  await form.getByTestId('business-gasMeterTest').check();
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'changed');
  await expect(form.getByTestId('submit-intake')).toBeDisabled();
  await form.getByTestId('business-gasMeterTest').uncheck();
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'signed');

  // The manager republishes the catalogue with a transfer fee meanwhile: the hall refuses the
  // stale signature, the form keeps everything, and no application exists.
  const current = (await api<{ catalogue: { businesses: { code: string; fees: unknown[] }[] } }>('catalogue/current', {}, admin)).value.catalogue;
  const waterTransfer = current.businesses.find((b) => b.code === 'waterTransfer');
  waterTransfer?.fees.push({
    code: 'transferFee',
    names: { zh: '过户手续费', en: 'Transfer fee' },
    priceFen: 1000,
    unit: { zh: '次', en: 'time' },
    mandatory: true,
    legalBasis: '供水企业收费公示',
  });
  expect((await api('catalogue/publish', { catalogue: current }, admin)).ok).toBe(true);
  await form.getByTestId('submit-intake').click();
  await expect(form.getByRole('alert').filter({ hasText: '与客户签字确认的不一致' })).toBeVisible();
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'changed');
  await expect(form.getByLabel('姓名')).toHaveValue('王芳');
  await expect(form.getByTestId('promised-propertyCertificate')).toHaveValue(promised);
  expect(await applications()).toBe(0);

  // Signed again on the new list; the clerk double-clicks submit: one application, four case numbers.
  await form.getByTestId('request-signature').click();
  await expect(panel.getByTestId('fees-total-water')).toHaveText('¥10.00');
  await drawSignature(rate);
  await panel.getByRole('button', { name: '确认签字' }).click();
  await expect(form.getByTestId('signature-state')).toHaveAttribute('data-state', 'signed');
  // The whole form in one window, so the signature bar sits where it ends rather than over it.
  await clerk.setViewportSize({ width: 1360, height: await clerk.evaluate(() => document.documentElement.scrollHeight) });
  await clerk.screenshot({ path: join(screenshots, 'intake-form.png') });
  await clerk.setViewportSize({ width: 1360, height: 900 });
  const receiptOpens = clerkContext.waitForEvent('page');
  await form.getByTestId('submit-intake').dblclick();
  await expect(form.getByTestId('case-number')).toHaveCount(4);
  expect(await applications()).toBe(1);
  const caseNumbers = await form.getByTestId('case-number').allTextContents();
  const day = /^S(\d{8})-0001$/.exec(caseNumbers[0] ?? '')?.[1];
  expect(caseNumbers).toEqual([`S${day}-0001`, `D${day}-0001`, `Q${day}-0001`, `X${day}-0001`]);
  // The form is empty again for the next customer, and its draft is gone.
  await expect(form.getByLabel('姓名')).toHaveValue('');
  // She comes back another day: found by her phone, nothing asked twice, shown masked.
  await form.getByTestId('customer-find').fill('139 1234 5678');
  await form.getByTestId('customer-find').press('Enter');
  await form.getByRole('button', { name: /王芳/ }).click();
  await expect(form.getByTestId('found-customer')).toContainText('110105********');
  await expect(form.getByTestId('found-customer')).toContainText('139****5678');
  await expect(form.getByTestId('found-customer')).not.toContainText(id);
  await form.getByRole('button', { name: '改为其他客户' }).click();

  // The receipt opens beside the counter.
  const receipt = await receiptOpens;
  await expect(receipt.getByTestId('receipt')).toBeVisible();
  await expect(receipt.getByTestId('receipt-matters').locator('tbody tr')).toHaveCount(4);
  await expect(receipt.getByTestId('receipt-signature')).toBeVisible();
  await expect(receipt.getByRole('img', { name: '办理进度二维码' })).toBeVisible();
  await receipt.screenshot({ path: join(screenshots, 'receipt.png'), fullPage: true });

  // Printed to PDF the way the print dialog's "Save as PDF" would, then read back as text.
  const applicationId = Number(/\/receipt\/(\d+)/.exec(receipt.url())?.[1]);
  const view = (
    await api<{ workOrders: { dueDay: string }[]; materials: { code: string; promisedDate: string | null }[] }>(
      'intake/get',
      { id: applicationId, withSignature: false },
      clerkToken,
    )
  ).value;
  {
    // In the test's output folder: kept for a look when the test fails.
    const pdf = test.info().outputPath('receipt.pdf');
    await receipt.emulateMedia({ media: 'print' });
    await receipt.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('受理回执');
    for (const caseNumber of caseNumbers) expect(text).toContain(caseNumber);
    for (const w of view.workOrders) expect(text).toContain(w.dueDay);
    expect(view.materials.find((m) => m.code === 'propertyCertificate')?.promisedDate).toBe(promised);
    // Lines wrap where the layout wants; the deferred material and its due date must be there.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('容缺待补（1项）不动产权证书（房产证）或购房合同');
    expect(flat).toContain(`请于${promised}前补交`);
    expect(text).toContain('¥10.00');
    // The sheet is the size the receipt's @page rule asks for, and the whole receipt fits on it.
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/);
    expect(info).toMatch(/Pages:\s+1\n/);
  }
});
