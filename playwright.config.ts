import { defineConfig } from '@playwright/test';
import type { HallTimeOptions } from './test/e2e/hall-fixture.ts';

// The specs whose screens show or default dates: they also run with the hall's clock at the
// small hours and at the last half-minute of the day, with the browser's PC set to UTC, so a
// screen that takes "today" from its PC instead of the hall is caught (docs/time.md).
const dateSpecs = /(complaints|ratings|reports|intake|intake-lists|appointments)\.spec\.ts$/;

// Debian's Chromium, never a downloaded browser: this machine reaches only the npm
// registry and Debian's packages.
export default defineConfig<HallTimeOptions>({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    // The hall's zone; the regression projects below put the browser elsewhere.
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'hall' },
    { name: 'hall at 01:30, browser in UTC', testMatch: dateSpecs, use: { hallClock: '01:30:00', timezoneId: 'UTC' } },
    { name: 'hall at 23:59:30, browser in UTC', testMatch: dateSpecs, use: { hallClock: '23:59:30', timezoneId: 'UTC' } },
  ],
});
