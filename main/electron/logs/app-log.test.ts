import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendToLog, createLogger, logToFile } from '../logger.ts';

const dir = mkdtempSync(join(tmpdir(), 'ow-applog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the desktop app’s log file', () => {
  it('receives the lines of loggers made before it was opened, and the hall process’s lines', () => {
    const log = createLogger('electron');
    const file = logToFile(join(dir, 'logs'));
    log.info({ step: 1 }, 'first');
    appendToLog(`${JSON.stringify({ service: 'hall', msg: 'hall line' })}\n`);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { service: string; msg: string });
    expect(file).toBe(join(dir, 'logs', 'onewindow.log'));
    expect(lines.map((l) => [l.service, l.msg])).toEqual([
      ['electron', 'first'],
      ['hall', 'hall line'],
    ]);
  });
});
