import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopText } from '../shared/desktop-text.ts';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake; the test fires the renderer events Electron would and checks the calls.
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { crashDecision, crashPolicy, crashedPage, keepAlive } = await import('./crash-recovery.ts');

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;
const log = pino({ level: 'silent' });
const givenUpUrl = crashedPage(desktopText('zh-CN'), 'zh-CN');

describe('crash decisions', () => {
  it('reloads after 1 s, then 5 s, then 15 s, and gives up at the fourth crash within ten minutes', () => {
    expect(crashDecision([], 0)).toEqual({ action: 'reload', delayMs: 1_000 });
    expect(crashDecision([0], 60_000)).toEqual({ action: 'reload', delayMs: 5_000 });
    expect(crashDecision([0, 60_000], 120_000)).toEqual({ action: 'reload', delayMs: 15_000 });
    expect(crashDecision([0, 60_000, 120_000], 180_000)).toEqual({ action: 'giveUp' });
    // Crashes longer ago than the window do not count.
    expect(crashDecision([0, 60_000, 120_000], 120_000 + crashPolicy.windowMs)).toEqual({ action: 'reload', delayMs: 1_000 });
  });
});

describe('an unattended screen that crashes or hangs', () => {
  let nowMs = 0;
  beforeEach(() => {
    fake.resetElectronFake();
    vi.useFakeTimers();
    nowMs = Date.parse('2026-03-02T01:00:00Z');
  });
  afterEach(() => vi.useRealTimers());

  function watched() {
    const window = new fake.BrowserWindow({}) as FakeWindow;
    keepAlive(window as unknown as Electron.BrowserWindow, { log, nowMs: () => nowMs, givenUpUrl });
    const crash = (reason = 'crashed') => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });
    const reloads = () => fake.calls.filter((c) => c[0] === 'webContents.reload').length;
    return { window, crash, reloads };
  }

  it('reloads a crashed renderer after the backoff, but not a clean exit', () => {
    const { crash, reloads } = watched();
    crash('clean-exit');
    vi.advanceTimersByTime(60_000);
    expect(reloads()).toBe(0);
    crash();
    vi.advanceTimersByTime(999);
    expect(reloads()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(reloads()).toBe(1);
    nowMs += 60_000;
    crash('oom');
    vi.advanceTimersByTime(4_999);
    expect(reloads()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(reloads()).toBe(2);
  });

  it('after four crashes in ten minutes shows the call-IT page instead of looping', () => {
    const { window, crash, reloads } = watched();
    for (let i = 0; i < 3; i++) {
      crash();
      vi.advanceTimersByTime(20_000);
      nowMs += 20_000;
    }
    expect(reloads()).toBe(3);
    crash();
    vi.advanceTimersByTime(60_000);
    expect(reloads()).toBe(3);
    expect(window.webContents.getURL()).toBe(givenUpUrl);
    expect(decodeURIComponent(givenUpUrl)).toContain('请联系信息技术人员');
    crash();
    vi.advanceTimersByTime(60_000);
    expect(reloads()).toBe(3);
  });

  it('kills a page still unresponsive after the grace period and reloads it; one that recovers is left alone', () => {
    const { window, crash, reloads } = watched();
    const kills = () => fake.calls.filter((c) => c[0] === 'webContents.forcefullyCrashRenderer').length;
    window.emit('unresponsive');
    vi.advanceTimersByTime(crashPolicy.hangGraceMs - 1);
    window.emit('responsive');
    vi.advanceTimersByTime(crashPolicy.hangGraceMs);
    expect(kills()).toBe(0);

    window.emit('unresponsive');
    vi.advanceTimersByTime(crashPolicy.hangGraceMs);
    expect(kills()).toBe(1);
    // The kill's own render-process-gone is the same incident: one reload, not two.
    crash('killed');
    vi.advanceTimersByTime(1_000);
    expect(reloads()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(reloads()).toBe(1);
  });

  it('stops waiting when the window is closed', () => {
    const { window, crash, reloads } = watched();
    crash();
    window.destroy();
    vi.advanceTimersByTime(60_000);
    expect(reloads()).toBe(0);
  });
});
