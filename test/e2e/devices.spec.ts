import { expect, test } from './hall-fixture.ts';

test('a manager pairs a kiosk, a display and a rating screen, and each shows the hall', async ({ page, hall, browser }) => {
  const api = async (name: string, body: unknown) => {
    const res = await page.request.post(`${hall.url}/api/${name}`, { data: body });
    return (await res.json()) as { ok: boolean };
  };
  expect((await api('setup/createAdmin', { hallName: '测试大厅', workNo: 'A001', name: '王管理', password: 'Hall2026pass' })).ok).toBe(true);

  await page.goto(`${hall.url}/manage`);
  await page.getByLabel('工号').fill('A001');
  await page.getByLabel('密码').fill('Hall2026pass');
  await page.getByRole('button', { name: '登录' }).click();

  // Each screen's own first view: the kiosk's categories, the board's calls, the rating screen's binding.
  const screens = [
    { role: 'kiosk', label: '取号机', ready: '欢迎办理水电气讯业务', shows: 'category-A' },
    { role: 'display', label: '叫号屏', ready: '正在呼叫', shows: 'waiting-A' },
    // Paired here without a counter: it says so instead of idling as if it worked (#13).
    { role: 'rate', label: '评价器', ready: '本评价器未绑定窗口，请联系大厅管理员', shows: 'rate-unbound' },
  ] as const;
  let previous = '';
  for (const { role, label, ready, shows } of screens) {
    await page.getByLabel('设备类型').selectOption(role);
    await page.getByLabel('设备名称').fill(`${label}1`);
    await page.getByRole('button', { name: '生成配对码' }).click();
    await expect(page.getByTestId('pairing-code')).toHaveText(/^\d{6}$/);
    // The new code, not the last device's still on screen until the answer comes (a race on a busy machine).
    if (previous) await expect(page.getByTestId('pairing-code')).not.toHaveText(previous);
    const code = (await page.getByTestId('pairing-code').textContent()) ?? '';
    previous = code;

    // Each screen is its own browser, as a separate PC in the hall would be.
    const context = await browser.newContext({ locale: 'zh-CN' });
    const screen = await context.newPage();
    await screen.goto(`${hall.url}/${role}`);
    await screen.getByLabel('配对码').fill('12345');
    await screen.getByRole('button', { name: '配对' }).click();
    await expect(screen.getByText('配对码为 6 位数字')).toBeVisible();
    await screen.getByLabel('配对码').fill(code);
    await screen.getByRole('button', { name: '配对' }).click();
    await expect(screen.getByRole('heading', { name: ready })).toBeVisible();
    await expect(screen.getByText(`${label}1`)).toBeVisible();
    await expect(screen.getByTestId(shows)).toContainText(role === 'kiosk' ? '综合业务' : role === 'rate' ? '大厅管理员' : '0');
    // The pairing survives a reload; a used code cannot pair a second device.
    await screen.reload();
    await expect(screen.getByRole('heading', { name: ready })).toBeVisible();
    expect((await api('devices/pair', { code })).ok).toBe(false);
    await context.close();
  }
});
