import { expect, test } from './hall-fixture.ts';
import { apiFor } from './hall-api.ts';

test('a manager pairs a kiosk, a display and a rating screen, and each shows the hall', async ({ page, hall, browser }) => {
  test.setTimeout(120_000);
  const api = apiFor(page, hall);
  // Seed: the hall's first administrator (first-run setup has its own spec, first-run.spec.ts).
  expect((await api('setup/createAdmin', { hallName: '测试大厅', workNo: 'A001', name: '王管理', password: 'Hall2026pass' })).ok).toBe(true);

  await page.goto(`${hall.url}/manage/devices`);
  await page.getByLabel('工号').fill('A001');
  await page.getByLabel('密码').fill('Hall2026pass');
  await page.getByRole('button', { name: '登录' }).click();

  /** One device's pairing screen in its own browser, as a separate PC in the hall would be. */
  const pairOnScreen = async (role: string, code: string) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const screen = await context.newPage();
    await screen.goto(`${hall.url}/${role}`);
    await screen.getByLabel('配对码').fill('12345');
    await screen.getByRole('button', { name: '配对' }).click();
    await expect(screen.getByText('配对码为 6 位数字')).toBeVisible();
    await screen.getByLabel('配对码').fill(code);
    await screen.getByRole('button', { name: '配对' }).click();
    return { context, screen };
  };

  // Each screen's own first view: the kiosk's categories, the board's calls, the rating screen's window.
  const screens = [
    { role: 'kiosk', label: '取号机', ready: '欢迎办理水电气讯业务', shows: 'category-A', text: '综合业务' },
    { role: 'display', label: '叫号屏', ready: '正在呼叫', shows: 'waiting-A', text: '0' },
    // A 评价器 is paired with its window; nobody serves there yet, and it says so.
    { role: 'rate', label: '评价器', ready: '请对我们的服务进行评价', shows: 'rate-idle-closed', text: '1号窗口暂停服务', counter: '1号窗口' },
  ] as const;
  for (const screenCase of screens) {
    const { role, label, ready, shows, text } = screenCase;
    await page.getByRole('button', { name: '配对新设备' }).click();
    const form = page.getByRole('dialog').getByRole('form', { name: '配对新设备' });
    await form.getByLabel('设备类型').selectOption(role);
    await form.getByLabel('设备名称').fill(`${label}1`);
    if ('counter' in screenCase) await form.getByLabel('所属窗口').selectOption({ label: screenCase.counter });
    await form.getByRole('button', { name: '生成配对码' }).click();
    await expect(form.getByTestId('pairing-code')).toHaveText(/^\d{6}$/);
    await expect(form.getByRole('status')).toContainText(`${label}1`);
    const code = (await form.getByTestId('pairing-code').textContent()) ?? '';
    await form.getByRole('button', { name: '完成' }).click();

    const { context, screen } = await pairOnScreen(role, code);
    await expect(screen.getByRole('heading', { name: ready })).toBeVisible();
    await expect(screen.getByText(`${label}1`)).toBeVisible();
    await expect(screen.getByTestId(shows)).toContainText(text);
    // The pairing survives a reload; a used code cannot pair a second device.
    await screen.reload();
    await expect(screen.getByRole('heading', { name: ready })).toBeVisible();
    expect((await api('devices/pair', { code })).ok).toBe(false);
    await context.close();
  }

  // A 评价器 paired with no window (as before #13's 所属窗口) says so instead of idling as if it
  // worked. Its code is seeded through the API: the desk no longer allows pairing one without its window.
  const admin = (await api<{ token: string }>('auth/login', { workNo: 'A001', password: 'Hall2026pass' })).value.token;
  const { code } = (await api<{ code: string }>('devices/issuePairingCode', { role: 'rate', name: '评价器2', counterId: null }, admin)).value;
  const { context, screen } = await pairOnScreen('rate', code);
  await expect(screen.getByRole('heading', { name: '本评价器未绑定窗口，请联系大厅管理员' })).toBeVisible();
  await expect(screen.getByText('评价器2')).toBeVisible();
  await expect(screen.getByTestId('rate-unbound')).toContainText('大厅管理员');
  await context.close();
});
