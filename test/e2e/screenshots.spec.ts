import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor, residentId } from './hall-api.ts';

/**
 * The pictures in README.md's "Screens" and docs/: every role's screen in Chinese, then in
 * English, on a hall with a morning's work in it. This spec is about pictures, not flows (each
 * flow has its own spec driving the screens), so the hall's data is seeded through the API.
 * Each shot waits for its screen's data, never a loading state; Playwright hides the caret and
 * stops animations (the board's blink) for the shot. The hall clock is pinned by the fixture.
 */

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const password = 'Hall2026pass';
const languages = ['zh-CN', 'en-US'] as const;
type Language = (typeof languages)[number];
// The customer's signature as the customer screen would send it (a one-pixel PNG).
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const roleViewport = { width: 1366, height: 768 };
const boardViewport = { width: 1920, height: 1080 };
const kioskViewport = { width: 1080, height: 1920 };

type Category = { id: number; prefix: string };
type Counter = { id: number; number: number; current: { id: number } | null };

/** A screen on its own PC: its own browser context, signed in with `token` under `scope`. */
async function screenWith(
  browser: Browser,
  viewport: { width: number; height: number },
  sessions: Record<string, string>,
): Promise<{ context: BrowserContext; page: Page }> {
  // Reduced motion: the board's ticker stands still and a fresh call is outlined instead of blinking, so a shot is a still picture.
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport, reducedMotion: 'reduce' });
  // Sessions only when nothing is stored yet, so the language chosen later survives reloads.
  await context.addInitScript((entries) => {
    for (const [key, value] of entries) if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
  }, Object.entries(sessions));
  return { context, page: await context.newPage() };
}

/** The screen in `lng`, as the language switch leaves it: saved for the PC, then the page reloaded. */
async function useLanguage(page: Page, lng: Language) {
  await page.evaluate((value) => localStorage.setItem('onewindow.language', value), lng);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
}

/** No spinner or 正在加载 anywhere on the screen. */
async function settled(page: Page) {
  await expect(page.locator('.load-state.loading, .spinner')).toHaveCount(0, { timeout: 20_000 });
}

async function shoot(page: Page, name: string) {
  await settled(page);
  // Fonts and images (the clerk's photo) finished loading; no focus ring left on the last thing clicked.
  await page.evaluate(async () => {
    await document.fonts.ready;
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await page.screenshot({ path: join(screenshots, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** A plain portrait for the clerk's staff profile (亮证亮照), drawn the same every run. */
async function portrait(page: Page): Promise<string> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 320;
    const g = canvas.getContext('2d');
    if (!g) return '';
    g.fillStyle = '#3d6fb6';
    g.fillRect(0, 0, 240, 320);
    g.fillStyle = '#f1d3bd';
    g.beginPath();
    g.ellipse(120, 130, 58, 70, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#2b2b2b';
    g.beginPath();
    g.ellipse(120, 92, 62, 40, 0, Math.PI, Math.PI * 2);
    g.fill();
    g.fillStyle = '#f7f7f7';
    g.beginPath();
    g.ellipse(120, 330, 110, 110, 0, Math.PI, Math.PI * 2);
    g.fill();
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  });
}

async function visible(locator: Locator) {
  await expect(locator.first()).toBeVisible({ timeout: 20_000 });
}

test('screenshots of every role in Chinese and in English, into docs/screenshots', async ({ page, hall, browser }) => {
  // Eight screens in two languages on a slow, shared machine.
  test.setTimeout(420_000);
  const api = apiFor(page, hall);
  const must = async <T = Record<string, unknown>>(name: string, body: unknown, token?: string): Promise<T> => {
    const reply = await api<T>(name, body, token);
    expect(reply.ok, `${name}: ${JSON.stringify(reply.error)}`).toBe(true);
    return reply.value;
  };
  const login = async (workNo: string) => (await must<{ token: string }>('auth/login', { workNo, password })).token;

  // --- The hall, seeded (see the note at the top): staff, devices, a morning's tickets, two applications, a rating.
  await page.goto(`${hall.url}/`);
  await must('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password });
  const admin = await login('A001');
  const staff = [
    ['C001', '张晓清', ['clerk']],
    ['C002', '李明', ['clerk']],
    ['C003', '陈静', ['clerk']],
    ['M001', '刘芳', ['manager']],
  ] as const;
  const ids: Record<string, number> = {};
  for (const [workNo, name, roles] of staff) ids[workNo] = (await must<{ id: number }>('staff/create', { workNo, name, password, roles }, admin)).id;
  await must('staff/setPhoto', { id: ids.C001, photo: { mime: 'image/png', dataBase64: await portrait(page) } }, admin);
  const [clerk1, clerk2, clerk3, manager] = [await login('C001'), await login('C002'), await login('C003'), await login('M001')];

  const overview = await must<{ categories: Category[]; counters: Counter[] }>('queue/overview', {}, admin);
  const counterId = (n: number) => overview.counters.find((c) => c.number === n)?.id ?? 0;
  const categoryId = (prefix: string) => overview.categories.find((c) => c.prefix === prefix)?.id ?? 0;
  await must(
    'queue/saveNotice',
    {
      textZh: '请保管好随身物品。办理燃气过户请携带不动产权证书和燃气卡。',
      textEn: 'Please keep your belongings with you. For a gas transfer bring the property certificate and the gas card.',
    },
    admin,
  );

  const pair = async (role: 'kiosk' | 'display' | 'rate', name: string, counter: number | null = null) => {
    const { code } = await must<{ code: string }>('devices/issuePairingCode', { role, name, counterId: counter }, admin);
    return (await must<{ token: string }>('devices/pair', { code })).token;
  };
  const kioskToken = await pair('kiosk', '1号取号机');
  const boardToken = await pair('display', '大厅叫号屏');
  const rateToken = await pair('rate', '1号窗口评价器', counterId(1));

  // The morning's tickets, a green-channel one among them.
  for (const [prefix, priority] of [
    ['A', 'normal'],
    ['A', 'normal'],
    ['B', 'normal'],
    ['A', 'priority'],
    ['C', 'normal'],
    ['A', 'normal'],
    ['B', 'normal'],
    ['A', 'normal'],
    ['C', 'normal'],
    ['B', 'normal'],
    ['A', 'normal'],
    ['A', 'normal'],
    ['B', 'normal'],
  ] as const) {
    await must('queue/issue', { categoryId: categoryId(prefix), priority }, kioskToken);
  }
  const currentAt = async (n: number) =>
    (await must<{ counters: Counter[] }>('queue/overview', {}, admin)).counters.find((c) => c.number === n)?.current?.id ?? 0;
  const serve = async (n: number, token: string, finish: boolean) => {
    await must('queue/callNext', { counterId: counterId(n) }, token);
    const ticketId = await currentAt(n);
    await must('queue/start', { counterId: counterId(n), ticketId }, token);
    if (finish) await must('queue/finish', { counterId: counterId(n), ticketId }, token);
  };
  /** The customer at window 1 rates the clerk on the 评价器 (非常满意). */
  const rateAtWindow1 = async () => {
    const invitation = await must<{ ratingId: number } | null>('ratings/current', {}, rateToken);
    expect(invitation).not.toBeNull();
    await must('ratings/rate', { ratingId: invitation?.ratingId, level: 1 }, rateToken);
  };
  for (const [n, token] of [
    [1, clerk1],
    [2, clerk2],
    [3, clerk3],
  ] as const)
    await must('queue/openCounter', { counterId: counterId(n) }, token);
  await serve(2, clerk2, true);
  await serve(3, clerk3, true);
  await serve(1, clerk1, true);
  await rateAtWindow1();
  await serve(2, clerk2, false);
  await must('queue/pause', { counterId: counterId(3), reason: 'break' }, clerk3);

  // Two property transfers accepted at window 1 and signed on its 评价器; the second owes its property certificate.
  const customers = [
    { name: '王芳', id: residentId('50011219900307002'), mobile: '13912345678', deferred: false },
    { name: '刘建国', id: residentId('50011219851201123'), mobile: '13698765432', deferred: true },
  ];
  for (const c of customers) {
    const selection = { bundle: 'propertyTransfer' };
    const request = await must<{ requestId: number }>('intake/requestSignature', { counterId: counterId(1), selection }, clerk1);
    const pending = await must<{ token: string; feeHash: string }>('intake/pendingSignature', {}, rateToken);
    await must('intake/sign', { token: pending.token, feeHash: pending.feeHash, image: SIGNATURE }, rateToken);
    await must(
      'intake/submit',
      {
        idempotencyKey: crypto.randomUUID(),
        counterId: counterId(1),
        customer: { kind: 'person', name: c.name, idType: 'residentId', idNumber: c.id, mobile: c.mobile, address: '渝北区龙溪街道金龙路 8 号', accounts: [] },
        selection,
        materials: {
          idCard: { state: 'received' },
          businessLicence: { state: 'na' },
          powerOfAttorney: { state: 'na' },
          propertyCertificate: c.deferred ? { state: 'deferred', promisedDate: '2026-12-04' } : { state: 'received' },
          transferAgreement: { state: 'na' },
          settlementReceipt: { state: 'received' },
          waterApplicationForm: { state: 'received' },
          electricityApplicationForm: { state: 'received' },
          gasApplicationForm: { state: 'received' },
          telecomApplicationForm: { state: 'received' },
        },
        signatureRequestId: request.requestId,
      },
      clerk1,
    );
  }
  // Window 1 has called its next customer.
  await must('queue/callNext', { counterId: counterId(1) }, clerk1);

  // --- The screens, each on its own PC, kept open across both languages.
  const rate = await screenWith(browser, roleViewport, { 'onewindow.session.rate': rateToken });
  const counter = await screenWith(browser, roleViewport, { 'onewindow.session.staff': clerk1, 'onewindow.counter': String(counterId(1)) });
  const lists = await screenWith(browser, roleViewport, { 'onewindow.session.staff': clerk2 });
  const desk = await screenWith(browser, roleViewport, { 'onewindow.session.staff': manager });
  const board = await screenWith(browser, boardViewport, { 'onewindow.session.display': boardToken });
  const kiosk = await screenWith(browser, kioskViewport, { 'onewindow.session.kiosk': kioskToken });
  await rate.page.goto(`${hall.url}/rate`);
  await counter.page.goto(`${hall.url}/counter`);
  await lists.page.goto(`${hall.url}/lists`);
  await desk.page.goto(`${hall.url}/manage`);
  await board.page.goto(`${hall.url}/display`);
  await kiosk.page.goto(`${hall.url}/kiosk`);

  for (const lng of languages) {
    for (const screen of [rate, counter, lists, desk, board, kiosk]) await useLanguage(screen.page, lng);

    // The counter: the called ticket beside the waiting list.
    const clerk = counter.page;
    await clerk.locator('#tab-queue').click();
    await visible(clerk.getByTestId('current-number'));
    await expect(clerk.getByTestId('current-state')).toHaveText(lng === 'zh-CN' ? '已叫号' : /called/i);
    await visible(clerk.locator('#panel-queue table tbody tr'));
    await shoot(clerk, `counter-${lng}`);

    // The intake form open on a property transfer (the draft stays for the English pass).
    await clerk.locator('#tab-intake').click();
    const form = clerk.getByTestId('intake-form');
    const bundle = form.getByTestId('bundle-propertyTransfer');
    await visible(bundle);
    if (lng === 'zh-CN') {
      await form.getByLabel('姓名').fill('赵丽华');
      await form.getByLabel('证件号码').fill(residentId('50011219880514004'));
      await form.getByLabel('手机号码').fill('13752468013');
      await bundle.click();
    }
    await expect(bundle).toHaveAttribute('aria-pressed', 'true');
    await visible(form.getByTestId('material-idCard'));
    // The businesses chosen and the materials they ask for, rather than the customer's fields above them.
    await bundle.evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'start' }));
    await shoot(clerk, `counter-intake-${lng}`);
    await clerk.locator('#tab-queue').click();

    // The 评价器 between customers: the clerk at its window (亮证亮照).
    await visible(rate.page.getByTestId('rate-idle-clerk'));
    await expect(rate.page.getByTestId('rate-idle-photo')).toBeVisible();
    await shoot(rate.page, `rate-idle-${lng}`);

    // The customer at window 1 is done: the 评价器 invites a rating. Then rated, and the next customer called.
    await must('queue/finish', { counterId: counterId(1), ticketId: await currentAt(1) }, clerk1);
    await visible(rate.page.getByTestId('rating-clerk'));
    await visible(rate.page.getByTestId('rate-level-1'));
    await shoot(rate.page, `rate-invite-${lng}`);
    await rateAtWindow1();
    await must('queue/callNext', { counterId: counterId(1) }, clerk1);
    await visible(rate.page.getByTestId('rate-idle-clerk'));

    // The calling board on the hall's TV, with the current call and every window. The sound
    // gate (a browser that holds sound back) is answered as hall staff would in the morning.
    const tv = board.page;
    const gate = tv.locator('.sound-gate button');
    if (await gate.isVisible()) await gate.click();
    await visible(tv.getByTestId('window-table'));
    await visible(tv.getByTestId('current-call'));
    await expect(tv.getByTestId('window-1').getByTestId('window-number')).not.toBeEmpty();
    await shoot(tv, `board-${lng}`);

    // The kiosk's start screen in portrait, its tiles with their waiting counts.
    await visible(kiosk.page.getByTestId('category-A'));
    await expect(kiosk.page.getByTestId('category-A')).toContainText(/\d/);
    await shoot(kiosk.page, `kiosk-${lng}`);

    // The clerk's lists (清单): the applications found, masked.
    await visible(lists.page.getByRole('table').locator('tbody tr').filter({ hasText: '王芳' }));
    await shoot(lists.page, `lists-${lng}`);

    // The manager's desk: the start page, 人员, 设备, the live hall and today's daily report.
    const manage = desk.page;
    await manage.goto(`${hall.url}/manage`);
    await visible(manage.getByTestId('checklist-staff'));
    await shoot(manage, `manage-home-${lng}`);
    await manage.goto(`${hall.url}/manage/staff`);
    await visible(manage.getByRole('cell', { name: '张晓清' }));
    await shoot(manage, `manage-staff-${lng}`);
    await manage.goto(`${hall.url}/manage/devices`);
    // The 评价器 shows the window it was paired to (the table once kept 未绑定 read before the counters came).
    await expect(manage.getByRole('row').filter({ hasText: '1号窗口评价器' }).getByRole('cell').nth(2)).toHaveText('1号窗口', { timeout: 20_000 });
    await shoot(manage, `manage-devices-${lng}`);
    await manage.goto(`${hall.url}/manage/reports`);
    await visible(manage.locator('[data-testid^="live-counter-"]'));
    await shoot(manage, `manage-live-${lng}`);
    await manage.goto(`${hall.url}/manage/reports/daily?day=2026-11-25`);
    await visible(manage.locator('.report-sheet, [data-testid="report-sheet"]'));
    await shoot(manage, `manage-daily-${lng}`);
  }

  for (const screen of [rate, counter, lists, desk, board, kiosk]) await screen.context.close();
});
