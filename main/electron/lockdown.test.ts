import pino from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../common/ipc-channels.ts';
import { desktopText } from '../shared/desktop-text.ts';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it renders nothing; the test checks what the code asked of Electron
// and fires the events Electron would).
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { keyDecision, lockDown, lockedWindowOptions } = await import('./lockdown.ts');
const { createUnlockPrompt } = await import('./unlock-prompt.ts');
const { hashPin } = await import('./admin-pin.ts');

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;
const log = pino({ level: 'silent' });
const key = (key: string, mods: Partial<{ control: boolean; alt: boolean; shift: boolean; meta: boolean }> = {}) => ({
  type: 'keyDown' as const,
  key,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

/** Presses a key in the window as Chromium would report it; true when the page would not see it. */
function press(window: FakeWindow, input: ReturnType<typeof key>): boolean {
  let prevented = false;
  window.webContents.emit('before-input-event', { preventDefault: () => void (prevented = true) }, input);
  return prevented;
}

describe('a locked-down kiosk or board', () => {
  beforeEach(() => fake.resetElectronFake());

  it('blocks the keys that close, reload, navigate or inspect, and lets typing through', () => {
    const blocked = [
      key('F4', { alt: true }),
      key('w', { control: true }),
      key('F11'),
      key('r', { control: true }),
      key('F5'),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('q', { control: true }),
      key('ArrowLeft', { alt: true }),
      key('p', { control: true }),
      key('=', { control: true }),
    ];
    for (const input of blocked) expect(keyDecision(input), `${JSON.stringify(input)}`).toBe('block');
    for (const input of [key('1'), key('a'), key('A', { shift: true }), key('Enter'), key('Backspace'), key('Tab')]) expect(keyDecision(input)).toBe('allow');
    expect(keyDecision(key('Q', { control: true, alt: true, shift: true }))).toBe('admin');
    expect(keyDecision({ ...key('F4', { alt: true }), type: 'keyUp' })).toBe('allow');
  });

  it('goes fullscreen kiosk with no menu, swallows the shortcuts, refuses to close, and opens the prompt on the combination', () => {
    const window = new fake.BrowserWindow({ ...lockedWindowOptions }) as FakeWindow;
    const onAdmin = vi.fn();
    lockDown(window as unknown as Electron.BrowserWindow, { log, onAdmin });
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, closable: false });
    expect(window.kiosk).toBe(true);
    expect(window.menuRemoved).toBe(true);
    expect(fake.calls).toContainEqual(['Menu.setApplicationMenu', null]);
    expect(press(window, key('F4', { alt: true }))).toBe(true);
    expect(press(window, key('w', { control: true }))).toBe(true);
    expect(press(window, key('7'))).toBe(false);
    expect(onAdmin).not.toHaveBeenCalled();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(press(window, key('Q', { control: true, alt: true, shift: true }))).toBe(true);
    expect(onAdmin).toHaveBeenCalledOnce();
  });

  it('lets the app’s own quit close it, and after unlocking is an ordinary window again', () => {
    let quitting = false;
    const window = new fake.BrowserWindow({ ...lockedWindowOptions }) as FakeWindow;
    const lock = lockDown(window as unknown as Electron.BrowserWindow, { log, onAdmin: () => {}, allowClose: () => quitting });
    lock.unlock();
    expect(window.kiosk).toBe(false);
    expect(press(window, key('F5'))).toBe(false);
    quitting = true;
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });
});

describe('the administrator’s PIN prompt', () => {
  beforeEach(() => {
    fake.resetElectronFake();
    vi.useRealTimers();
  });

  function setUp(pinHash: string | undefined) {
    const kiosk = new fake.BrowserWindow({ ...lockedWindowOptions }) as FakeWindow;
    let nowMs = Date.parse('2026-03-02T01:00:00Z');
    const onUnlock = vi.fn();
    const prompt = createUnlockPrompt({
      parent: () => kiosk as unknown as Electron.BrowserWindow,
      pinHash,
      preload: '/app/out/preload/unlock-prompt.cjs',
      clock: { now: () => new Date(nowMs) },
      t: desktopText('zh-CN'),
      lang: 'zh-CN',
      log,
      onUnlock,
    });
    const handler = fake.ipcMain.handlers.get(ipcChannels.unlock);
    if (!handler) throw new Error('no unlock handler');
    const promptWindow = () => fake.BrowserWindow.getAllWindows().find((w) => w !== kiosk);
    const submit = (pin: string, action = 'unlock', sender = promptWindow()?.webContents) =>
      handler({ sender }, pin, action) as Promise<{ done: boolean; message: string }>;
    return { kiosk, prompt, onUnlock, promptWindow, submit, advance: (ms: number) => void (nowMs += ms) };
  }

  it('opens a small modal window with its own preload over the kiosk, showing a PIN field', () => {
    const { kiosk, prompt, promptWindow } = setUp(hashPin('482915'));
    prompt.open();
    const window = promptWindow();
    expect(window?.options).toMatchObject({
      parent: kiosk,
      modal: true,
      alwaysOnTop: true,
      webPreferences: { preload: '/app/out/preload/unlock-prompt.cjs', sandbox: true, contextIsolation: true },
    });
    const html = decodeURIComponent(window?.webContents.getURL().replace(/^data:text\/html;charset=utf-8,/, '') ?? '');
    expect(html).toContain('管理员解锁');
    expect(html).toContain('type="password"');
    prompt.open();
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(2);
  });

  it('the right PIN unlocks with the administrator’s choice; other pages may not submit', async () => {
    const { prompt, onUnlock, submit, kiosk, promptWindow } = setUp(hashPin('482915'));
    prompt.open();
    expect(await submit('482915', 'quit', kiosk.webContents)).toEqual({ done: false, message: '' });
    expect(onUnlock).not.toHaveBeenCalled();
    expect(await submit('482915', 'quit')).toEqual({ done: true, message: '' });
    expect(onUnlock).toHaveBeenCalledWith('quit');
    expect(promptWindow()).toBeUndefined();
  });

  it('counts wrong PINs: after five it refuses even the right one until five minutes have passed', async () => {
    const { prompt, onUnlock, submit, advance } = setUp(hashPin('482915'));
    prompt.open();
    expect(await submit('111111')).toEqual({ done: false, message: 'PIN 不正确，还可尝试 4 次。' });
    for (let i = 0; i < 3; i++) await submit('111111');
    const fifth = await submit('111111');
    expect(fifth.message).toMatch(/^错误次数过多，请在 \d\d:\d\d 后再试。$/);
    advance(4 * 60_000);
    expect((await submit('482915')).done).toBe(false);
    expect(onUnlock).not.toHaveBeenCalled();
    advance(60_000);
    expect(await submit('482915')).toEqual({ done: true, message: '' });
    expect(onUnlock).toHaveBeenCalledWith('unlock');
  });

  it('says so when no PIN was set, and cancel closes the prompt', async () => {
    const { prompt, submit, promptWindow } = setUp(undefined);
    prompt.open();
    expect((await submit('482915')).message).toBe('本机未设置管理员解锁 PIN，请联系信息技术人员。');
    await submit('', 'cancel');
    expect(promptWindow()).toBeUndefined();
  });
});
