import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './hall-fixture.ts';
import { apiFor, type Reply, type Category, openAllDay } from './hall-api.ts';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const password = 'Hall2026pass';

type Counter = { id: number; number: number; current: { id: number; number: string } | null };

/** A separate browser (a separate PC in the hall) whose screen is signed in with `token` under `scope`. */
async function screenWith(browser: Browser, scope: 'staff' | 'kiosk' | 'display', token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`onewindow.session.${scope}`, token] as const);
  return { context, page: await context.newPage() };
}

/** The board asks for one click before it may play sound; a board that may play at once does not. */
async function enableSound(board: Page) {
  const gate = board.getByRole('button', { name: '启用语音播报' });
  if (await gate.isVisible()) await gate.click();
}

test('a ticket from the kiosk is called at two counters, shown and announced on the board, and finished', async ({ page, hall, browser }) => {
  // Five screens, a 15-second status refresh and a network drop: longer than one screen's test.
  test.setTimeout(120_000);
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  for (const [workNo, name] of [
    ['C001', '张晓清'],
    ['C002', '李明'],
  ] as const) {
    expect((await api('staff/create', { workNo, name, password, roles: ['clerk'] }, admin)).ok).toBe(true);
  }
  // Tickets are issued only inside opening hours; the test runs at any hour.
  const overview = await api<{ categories: Category[]; counters: Counter[] }>('queue/overview', {}, admin);
  await openAllDay(api, admin, overview.value.categories);
  const counterId = (n: number) => overview.value.counters.find((c) => c.number === n)?.id ?? 0;
  const pair = async (role: 'kiosk' | 'display', name: string) => {
    const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role, name }, admin)).value;
    return (await api<{ token: string }>('devices/pair', { code })).value.token;
  };
  const clerkToken = async (workNo: string) => (await api<{ token: string }>('auth/login', { workNo, password })).value.token;

  // The board, opened first, as in the morning.
  const display = await screenWith(browser, 'display', await pair('display', '大厅叫号屏'));
  const board = display.page;
  // The board asks for the overview once; after that every change arrives with the push itself.
  let overviewAsks = 0;
  board.on('request', (r) => {
    if (r.url().endsWith('/api/queue/overview')) overviewAsks += 1;
  });
  await board.goto(`${hall.url}/display?test=1`);
  await expect(board.getByRole('heading', { name: '正在呼叫' })).toBeVisible();
  await expect(board.getByTestId('waiting-A')).toBeVisible();
  const asksAtStart = overviewAsks;
  await enableSound(board);
  const announcements = board.getByTestId('announcements').locator('li[data-lang="zh-CN"]');

  // The kiosk: the printer is the screen here, so the ticket goes to the browser's print dialog.
  const kioskScreen = await screenWith(browser, 'kiosk', await pair('kiosk', '1号取号机'));
  await kioskScreen.context.addInitScript(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  const kiosk = kioskScreen.page;
  await kiosk.goto(`${hall.url}/kiosk`);
  await expect(kiosk.getByTestId('category-A')).toContainText('等候 0 人');
  // 业务 → 选项 (nothing needed) → 取号.
  await kiosk.getByTestId('category-A').click();
  const issued = kiosk.waitForResponse((r) => r.url().endsWith('/api/queue/issue'));
  await kiosk.getByRole('button', { name: '跳过，直接取号' }).click();
  const first = (await (await issued).json()) as Reply<{ statusPath: string; printed: string }>;
  await expect(kiosk.getByTestId('ticket-number')).toHaveText('A001');
  await expect(kiosk.getByTestId('ticket-confirmation')).toContainText('综合业务');
  await expect(kiosk.getByRole('img', { name: '排队进度二维码' })).toBeVisible();
  expect(first.value.printed).toBe('screen');
  await expect.poll(() => kiosk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await kiosk.getByRole('button', { name: '完成' }).click();
  // The board's waiting count moves with the push.
  await expect(board.getByTestId('waiting-A')).toContainText('1 人');
  // A green-channel ticket with a phone number, chosen on the options step.
  await kiosk.getByTestId('category-A').click();
  await kiosk.getByRole('button', { name: /绿色通道/ }).click();
  await kiosk.getByLabel('手机号（选填，用于叫号提醒）').fill('13812345678');
  await kiosk.getByRole('button', { name: '确认取号' }).click();
  await expect(kiosk.getByTestId('ticket-number')).toHaveText('A002');
  await expect(kiosk.getByTestId('ticket-confirmation')).toContainText('绿色通道');
  await kiosk.getByRole('button', { name: '完成' }).click();

  // The public status page behind the QR code: no login.
  const phone = await browser.newContext({ locale: 'zh-CN' });
  const status = await phone.newPage();
  await status.goto(`${hall.url}${first.value.statusPath}`);
  await expect(status.getByTestId('status-number')).toHaveText('A001');
  await expect(status.getByTestId('status-state')).toHaveText('等候中');

  // Clerk 1 opens counter 1 and calls with F1: the green channel goes first (A002).
  const one = await screenWith(browser, 'staff', await clerkToken('C001'));
  const counter1 = one.page;
  // Counter 1's push can be held back, to make its screen stale later on.
  let holdPush = false;
  await counter1.routeWebSocket(/\/api\/events$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      if (!holdPush) ws.send(m);
    });
  });
  await counter1.goto(`${hall.url}/counter`);
  await counter1.getByRole('button', { name: /^1号窗口/ }).click();
  await expect(counter1.getByTestId('counter-state')).toHaveText('开放');
  await expect(counter1.getByText('暂无号码，按 F1 叫下一位')).toBeVisible();
  await expect(counter1.getByTestId('action-callNext')).toBeEnabled();
  await counter1.keyboard.press('F1');
  await expect(counter1.getByTestId('current-number')).toHaveText('A002');
  await expect(counter1.getByTestId('current-state')).toHaveText('已叫号');

  const calls = board.getByTestId('current-call');
  await expect(calls.filter({ hasText: 'A002' })).toContainText('1号窗口');
  await expect(board.getByTestId('announcements').locator('li[data-number="A002"][data-lang="zh-CN"]')).toHaveText(['请A零零二号到一号窗口办理']);
  await expect(board.getByTestId('announcements').locator('li[data-number="A002"][data-lang="en-US"]')).toHaveCount(1);

  // Clerk 2, on another PC, at counter 2: the next is A001.
  const two = await screenWith(browser, 'staff', await clerkToken('C002'));
  const counter2 = two.page;
  await counter2.goto(`${hall.url}/counter`);
  await counter2.getByRole('button', { name: /^2号窗口/ }).click();
  await expect(counter2.getByTestId('counter-state')).toHaveText('开放');
  await expect(counter2.getByTestId('action-callNext')).toBeEnabled();
  await counter2.keyboard.press('F1');
  await expect(counter2.getByTestId('current-number')).toHaveText('A001');
  await expect(calls).toHaveCount(2);
  await expect(calls.first()).toContainText('A001');
  await expect(calls.first()).toContainText('2号窗口');
  await expect(calls.nth(1)).toContainText('A002');
  await expect(board.getByTestId('call-history').locator('li')).toHaveCount(2);
  await expect(announcements).toHaveCount(2);
  await expect(status.getByTestId('status-state')).toHaveText('已叫号', { timeout: 20_000 });
  await expect(status.getByText('请到 2 号窗口办理')).toBeVisible();

  // A recall is announced again.
  await counter1.keyboard.press('F2');
  await expect(board.getByTestId('announcements').locator('li[data-number="A002"][data-lang="zh-CN"]')).toHaveCount(2);
  await expect(board.getByTestId('announcements').locator('li[data-recall="true"][data-lang="zh-CN"]')).toHaveText(['再次呼叫，请A零零二号到一号窗口办理']);

  // Service starts (F3); the clock runs.
  await counter1.keyboard.press('F3');
  await expect(counter1.getByTestId('current-state')).toHaveText('办理中');
  await expect(counter1.getByText('办理用时')).toBeVisible();
  await expect(counter1.getByTestId('current-elapsed')).not.toHaveText('0:00', { timeout: 5_000 });
  // Two tickets issued, three calls and a start later, the board has not asked again.
  expect(overviewAsks).toBe(asksAtStart);
  await board.waitForTimeout(5_500); // past the blink, for a still screenshot
  await board.screenshot({ path: join(screenshots, 'display.png') });
  await counter1.screenshot({ path: join(screenshots, 'counter-queue.png'), fullPage: true });

  // Both finish (F4): the board's "now calling" empties, its history keeps them.
  await counter1.keyboard.press('F4');
  await counter2.keyboard.press('F4');
  await expect(counter1.getByText('暂无号码，按 F1 叫下一位')).toBeVisible();
  await expect(counter2.getByText('暂无号码，按 F1 叫下一位')).toBeVisible();
  await expect(calls).toHaveCount(0);
  await expect(board.getByTestId('call-history').locator('li')).toHaveCount(3);

  // A stale counter screen: the ticket was finished elsewhere (a manager), so F4 is refused in Chinese.
  // The ID card reader types 18 characters and Enter wherever the focus is (the tile just touched); the ID field gets them.
  await kiosk.getByTestId('category-B').click();
  await kiosk.keyboard.type('11010519491231002x', { delay: 5 });
  await kiosk.keyboard.press('Enter');
  await expect(kiosk.getByText('已读取身份证 110105********002X')).toBeVisible();
  await kiosk.getByRole('button', { name: '确认取号' }).click();
  await expect(kiosk.getByTestId('ticket-number')).toHaveText('B001');
  await kiosk.getByRole('button', { name: '完成' }).click();
  await counter1.keyboard.press('F1');
  await expect(counter1.getByTestId('current-number')).toHaveText('B001');
  await expect(counter1.getByText('身份证 110105********002X')).toBeVisible();
  holdPush = true;
  const held = await api<{ counters: Counter[] }>('queue/overview', {}, admin);
  const b001 = held.value.counters.find((c) => c.number === 1)?.current?.id ?? 0;
  expect((await api('queue/finish', { counterId: counterId(1), ticketId: b001 }, admin)).ok).toBe(true);
  await counter1.keyboard.press('F4');
  await expect(counter1.getByRole('alert')).toHaveText('B001 已办结，不能再操作。');
  // The refusal reloaded the counter: it is free again.
  await expect(counter1.getByText('暂无号码，按 F1 叫下一位')).toBeVisible();
  holdPush = false;

  // The board loses the network; a call made meanwhile is shown and announced once it is back.
  await display.context.setOffline(true);
  await expect(board.getByText('与大厅服务器断开，正在重连…')).toBeVisible();
  await kiosk.getByTestId('category-C').click();
  await kiosk.getByRole('button', { name: '跳过，直接取号' }).click();
  await expect(kiosk.getByTestId('ticket-number')).toHaveText('C001');
  await counter2.keyboard.press('F1');
  await expect(counter2.getByTestId('current-number')).toHaveText('C001');
  await display.context.setOffline(false);
  await expect(board.getByText('与大厅服务器断开，正在重连…')).toBeHidden({ timeout: 15_000 });
  await expect(calls).toHaveCount(1);
  await expect(calls.first()).toContainText('C001');
  await expect(board.getByTestId('call-history').locator('li[data-number="C001"]')).toHaveCount(1);
  await expect(board.getByTestId('announcements').locator('li[data-number="C001"][data-lang="zh-CN"]')).toHaveText(['请C零零一号到二号窗口办理']);
  // Nothing older was announced twice by the replay: A002, A001, A002 again, B001, C001.
  await expect(announcements).toHaveCount(5);

  for (const context of [display.context, kioskScreen.context, one.context, two.context, phone]) await context.close();
});

test('a manager edits categories, counters, notices and the priority rule; the board scrolls the notice', async ({ page, hall, browser }) => {
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '测试大厅', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  await page.addInitScript((token) => localStorage.setItem('onewindow.session.staff', token), admin);
  await page.goto(`${hall.url}/manage`);
  const nav = page.getByRole('navigation', { name: '管理导航' });

  // 业务与窗口: a category with a wrong prefix is refused field by field, then saved.
  await nav.getByRole('link', { name: '业务与窗口' }).click();
  await page.getByRole('button', { name: '新增业务类别' }).click();
  const categoryForm = page.getByRole('dialog').getByRole('form', { name: '业务类别表单' });
  await categoryForm.getByLabel('号码前缀').fill('1');
  await categoryForm.getByLabel('中文名称').fill('燃气专窗');
  await categoryForm.getByLabel('英文名称').fill('Gas');
  await categoryForm.getByRole('button', { name: '保存' }).click();
  await expect(categoryForm.getByText('前缀为一个大写字母')).toBeVisible();
  await categoryForm.getByLabel('号码前缀').fill('D');
  await categoryForm.getByLabel('每日限号').fill('50');
  await categoryForm.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存业务类别 D')).toBeVisible();
  await expect(page.getByRole('cell', { name: '燃气专窗' })).toBeVisible();

  // Counter 4 serves only category D.
  await page.getByRole('button', { name: '编辑 4 号窗口' }).click();
  const counterForm = page.getByRole('dialog').getByRole('form', { name: '窗口表单' });
  await counterForm.getByLabel(/^D · /).check();
  await counterForm.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存 4 号窗口')).toBeVisible();

  // 公告与规则: the board's notice and the green channel's rule.
  await nav.getByRole('link', { name: '公告与规则' }).click();
  await page.getByRole('button', { name: '新增公告' }).click();
  const noticeForm = page.getByRole('dialog').getByRole('form', { name: '公告表单' });
  await noticeForm.getByLabel('中文内容').fill('请保管好随身物品，办理燃气业务请到4号窗口。');
  await noticeForm.getByLabel('英文内容（选填）').fill('Please keep your belongings with you.');
  await noticeForm.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '请保管好随身物品，办理燃气业务请到4号窗口。' })).toBeVisible();

  const rule = page.getByRole('form', { name: '优先规则' });
  await rule.getByLabel('最长等候（分钟）').fill('2');
  await rule.getByRole('button', { name: '保存' }).click();
  await expect(rule.getByText('不能小于 5')).toBeVisible();
  await rule.getByLabel('最长等候（分钟）').fill('20');
  await rule.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('优先规则已保存')).toBeVisible();

  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'display', name: '叫号屏' }, admin)).value;
  const token = (await api<{ token: string }>('devices/pair', { code })).value.token;
  const display = await screenWith(browser, 'display', token);
  await display.page.goto(`${hall.url}/display`);
  await expect(display.page.getByRole('heading', { name: '正在呼叫' })).toBeVisible();
  await enableSound(display.page);
  // The board has no language buttons: each notice runs in Chinese, then in English where it has one.
  await expect(display.page.getByTestId('notice-ticker')).toHaveText(
    '请保管好随身物品，办理燃气业务请到4号窗口。　　·　　Please keep your belongings with you.',
  );
  await expect(display.page.getByTestId('waiting-D')).toContainText('燃气专窗');

  // Deleting the notice takes it off the board.
  await page.getByRole('button', { name: '删除' }).click();
  await expect(display.page.getByTestId('notice-ticker')).toHaveCount(0);
  await display.context.close();
});

test('a clerk sends a no-show back into the queue, transfers a ticket and pauses; a manager calls a ticket out of order', async ({ page, hall, browser }) => {
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '测试大厅', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  expect((await api('staff/create', { workNo: 'C001', name: '张晓清', password, roles: ['clerk'] }, admin)).ok).toBe(true);
  const overview = await api<{ categories: Category[] }>('queue/overview', {}, admin);
  const a = overview.value.categories.find((c) => c.prefix === 'A');
  if (!a) throw new Error('category A missing');
  const { id, prefix, nameZh, nameEn, utilities, businesses, dailyLimit, active, sortOrder } = a;
  expect(
    (
      await api(
        'queue/saveCategory',
        { id, prefix, nameZh, nameEn, utilities, businesses, dailyLimit, active, sortOrder, opensAt: '00:00', closesAt: '24:00' },
        admin,
      )
    ).ok,
  ).toBe(true);
  expect((await api('queue/issue', { categoryId: a.id }, admin)).ok).toBe(true);

  const clerk = await screenWith(browser, 'staff', (await api<{ token: string }>('auth/login', { workNo: 'C001', password })).value.token);
  const desk = clerk.page;
  await desk.goto(`${hall.url}/counter`);
  await desk.getByRole('button', { name: /^1号窗口/ }).click();
  await expect(desk.getByTestId('action-callNext')).toBeEnabled();
  await desk.keyboard.press('F1');
  await expect(desk.getByTestId('current-number')).toHaveText('A001');

  // F6: the customer did not come; back into the queue.
  await desk.keyboard.press('F6');
  const noShow = desk.getByRole('dialog', { name: 'A001 过号' });
  await expect(noShow).toBeVisible();
  await noShow.getByRole('button', { name: '重新排队' }).click();
  await expect(desk.getByText('暂无号码，按 F1 叫下一位')).toBeVisible();
  await expect(desk.getByRole('table', { name: '等候队列' }).getByRole('cell', { name: 'A001' })).toBeVisible();

  // F7: called again, then sent to counter 2, keeping its number.
  await desk.keyboard.press('F1');
  await expect(desk.getByTestId('current-number')).toHaveText('A001');
  await desk.keyboard.press('F7');
  const transfer = desk.getByRole('dialog', { name: '转移 A001' });
  await transfer.getByRole('combobox', { name: '指定窗口' }).selectOption({ label: '2号窗口 · 未开放' });
  await transfer.getByRole('button', { name: '转移' }).click();
  await expect(desk.getByText('暂无号码，按 F1 叫下一位')).toBeVisible();
  // Counter 1 may not take a ticket meant for counter 2.
  await desk.keyboard.press('F1');
  await expect(desk.getByText('当前没有等候的号码。')).toBeVisible();

  // F8: a pause with its reason, then F8 again to resume.
  await desk.keyboard.press('F8');
  const pause = desk.getByRole('dialog', { name: '暂停窗口' });
  await pause.getByLabel('暂停原因').selectOption('meeting');
  await pause.getByLabel('备注（选填）').fill('业务培训');
  await pause.getByRole('button', { name: '暂停' }).click();
  await expect(desk.getByTestId('counter-state')).toHaveText('暂停');
  await expect(desk.getByText('会议：业务培训')).toBeVisible();
  await expect(desk.getByTestId('action-callNext')).toBeDisabled();
  await desk.keyboard.press('F8');
  await expect(desk.getByTestId('counter-state')).toHaveText('开放');

  // The manager, at counter 2, calls A001 from the waiting list.
  await page.addInitScript((token) => localStorage.setItem('onewindow.session.staff', token), admin);
  await page.goto(`${hall.url}/counter`);
  await page.getByRole('button', { name: /^2号窗口/ }).click();
  await page.getByRole('button', { name: '呼叫 A001' }).click();
  await expect(page.getByTestId('current-number')).toHaveText('A001');
  await expect(page.getByTestId('current-state')).toHaveText('已叫号');
  await clerk.context.close();
});
