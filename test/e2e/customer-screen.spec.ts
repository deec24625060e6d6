import { expect, test } from './hall-fixture.ts';
import { apiFor } from './hall-api.ts';

const password = 'Hall2026pass';
// A small portrait (1×1 PNG) for the clerk's staff profile.
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('a customer screen says when it is bound to no window; bound, it shows the clerk’s photo, name and 工号, and the counter sees it on and off', async ({
  page,
  hall,
  browser,
}) => {
  test.setTimeout(150_000);
  const api = apiFor(page, hall);
  // Seeded through the API: the hall, its administrator, a clerk with a photo on file (their own pages have their own specs).
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  const clerkId = (await api<{ id: number }>('staff/create', { workNo: 'C001', name: '张晓清', password, roles: ['clerk'] }, admin)).value.id;
  expect((await api('staff/setPhoto', { id: clerkId, photo: { mime: 'image/png', dataBase64: PHOTO } }, admin)).ok).toBe(true);
  const clerkToken = (await api<{ token: string }>('auth/login', { workNo: 'C001', password })).value.token;
  // The pairing code is issued through the API with no window, as a 评价器 paired before #13's 所属窗口 field was: the 设备 page has its own spec.
  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'rate', name: '1号窗口客户屏', counterId: null }, admin)).value;

  // The screen pairs itself from its own page, and says it belongs to no window.
  const rateContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const rate = await rateContext.newPage();
  await rate.goto(`${hall.url}/rate`);
  await rate.getByLabel('配对码').fill(code);
  await rate.getByRole('button', { name: '配对' }).click();
  await expect(rate.getByRole('heading', { name: '本评价器未绑定窗口，请联系大厅管理员' })).toBeVisible();
  await expect(rate.getByTestId('rate-idle-clerk')).toHaveCount(0);

  // The clerk opens window 1: its 评价器 is not bound, and the counter says so (not "未配置").
  const clerkContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  await clerkContext.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), clerkToken);
  const clerk = await clerkContext.newPage();
  await clerk.goto(`${hall.url}/counter`);
  await clerk.getByRole('button', { name: /^1号窗口/ }).click();
  const badge = clerk.getByTestId('customer-screen-state');
  await expect(badge).toHaveText('未绑定');

  // Bound to window 1 (through the API: the 设备 page's 绑定窗口 has its own spec, manage-desk.spec.ts),
  // the screen and the counter notice without a reload, from the pushed devices/changed: within a few
  // seconds, well before the 15 s recheck they once relied on.
  const overview = await api<{ counters: { id: number; number: number }[] }>('queue/overview', {}, admin);
  const counterId = overview.value.counters.find((c) => c.number === 1)?.id ?? 0;
  const devices = await api<{ id: number; role: string }[]>('devices/list', {}, admin);
  const screenId = devices.value.find((d) => d.role === 'rate')?.id ?? 0;
  expect((await api('devices/setCounter', { id: screenId, counterId }, admin)).ok).toBe(true);

  // 亮证亮照: the clerk serving at this window, instead of hall figures.
  const idle = rate.getByTestId('rate-idle-clerk');
  await expect(idle).toBeVisible({ timeout: 5_000 });
  await expect(idle).toContainText('张晓清');
  await expect(idle).toContainText('工号 C001');
  await expect(idle).toContainText('1号窗口');
  await expect(rate.getByTestId('rate-idle-photo')).toHaveAttribute('src', `data:image/png;base64,${PHOTO}`);
  await expect(rate.getByTestId('status-ticketsWaiting')).toHaveCount(0);
  await expect(badge).toHaveText('在线', { timeout: 5_000 });

  // The screen switched off: the counter says 离线 at once (its push connection is gone).
  await rateContext.close();
  await expect(badge).toHaveText('离线');
  await clerkContext.close();
});
