import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newestLogs } from './hall-diagnostics.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Rotated logs as the rotating log leaves them: the current one newest, .1 … older. */
function logsFolder(): string {
  dir = mkdtempSync(join(tmpdir(), 'onewindow-logs-'));
  const names = ['onewindow.log', 'onewindow.log.1', 'onewindow.log.2', 'onewindow.log.3'];
  names.forEach((name, age) => {
    writeFileSync(join(dir!, name), 'x'.repeat(1000));
    const at = new Date(Date.UTC(2026, 10, 25, 10 - age));
    utimesSync(join(dir!, name), at, at);
  });
  writeFileSync(join(dir, 'settings.json'), '{}');
  return dir;
}

describe('newestLogs', () => {
  it('keeps the newest whole files that fit the limit and counts the older ones left out', () => {
    const logs = logsFolder();
    const { kept, leftOut } = newestLogs(logs, 2500);
    expect(kept).toEqual([join(logs, 'onewindow.log'), join(logs, 'onewindow.log.1')]);
    expect(leftOut).toBe(2);
  });

  it('keeps every log file without a limit, and none from a folder that is not there', () => {
    expect(newestLogs(logsFolder()).kept).toHaveLength(4);
    expect(newestLogs(join(tmpdir(), 'onewindow-no-such-folder'), 10)).toEqual({ kept: [], leftOut: 0 });
  });
});
