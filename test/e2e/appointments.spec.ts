import { defaultTimeZone, hallClock, hallDay } from '../../common/hall-time.ts';
import { expect, hallNow, test } from './hall-fixture.ts';
import { apiFor, type Category, openAllDay } from './hall-api.ts';

const password = 'Hall2026pass';

test('a manager books an appointment, the customer checks in with its code for a priority ticket, and the day list shows it', async ({ page, hall }) => {
  const api = apiFor(page, hall);
  expect((await api('setup/createAdmin', { hallName: '渝北区政务服务中心', workNo: 'A001', name: '王管理', password })).ok).toBe(true);
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password })).value.token;
  // Tickets are issued only inside opening hours; the test runs at any hour.
  const overview = await api<{ categories: Category[] }>('queue/overview', {}, admin);
  await openAllDay(api, admin, overview.value.categories);
  const first = overview.value.categories[0];
  if (!first) throw new Error('a new hall has categories');

  await page.addInitScript((value) => localStorage.setItem('onewindow.session.staff', value), admin);
  await page.goto(`${hall.url}/manage/appointments`);
  const form = page.getByRole('form', { name: '预约' });
  // A slot starting within the next quarter hour of the hall's clock, so check-in is open now (30 minutes before).
  const soon = new Date(hallNow(hall).getTime() + 10 * 60_000);
  const hhmm = hallClock(soon, defaultTimeZone);
  const day = hallDay(soon, defaultTimeZone);
  await form.getByLabel('预约日期').fill(day);
  await form.getByLabel('开始时间').fill(hhmm);
  await form.getByLabel('手机号码（选填）').fill('1391234567');
  await form.getByRole('button', { name: '预约' }).click();
  await expect(form.getByText('请输入 11 位手机号码')).toBeVisible();
  await form.getByLabel('手机号码（选填）').fill('13912345678');
  await form.getByRole('button', { name: '预约' }).click();
  const code = (await page.locator('.appointment-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  const list = page.getByRole('table', { name: `${day} 的预约` });
  await expect(list).toContainText(code);
  await expect(list).toContainText('139****5678');
  await expect(list).toContainText('未签到');

  // The kiosk checks the code in: a priority (appointment) ticket.
  const pairing = (await api<{ code: string }>('devices/issuePairingCode', { role: 'kiosk', name: '取号机' }, admin)).value.code;
  const kiosk = (await api<{ token: string }>('devices/pair', { code: pairing })).value.token;
  const ticket = await api<{ number: string; priority: string }>('queue/checkIn', { code }, kiosk);
  expect(ticket.ok, JSON.stringify(ticket.error)).toBe(true);
  expect(ticket.value.priority).toBe('appointment');
  await page.reload();
  await expect(page.getByRole('table', { name: `${day} 的预约` })).toContainText('已签到');
});
