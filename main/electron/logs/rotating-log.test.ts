import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRotatingLog } from './rotating-log.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the rotating log', () => {
  it('turns over by size, keeps five files at most, and never splits a line', () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-logs-'));
    const file = join(dir, 'logs', 'onewindow.log');
    const log = openRotatingLog(file, { maxBytes: 1000, keep: 5 });
    const line = (n: number) => `${JSON.stringify({ n, msg: 'x'.repeat(80) })}\n`;
    for (let n = 0; n < 100; n++) log.write(line(n));
    log.close();
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['onewindow.log', 'onewindow.log.1', 'onewindow.log.2', 'onewindow.log.3', 'onewindow.log.4']);
    for (const name of readdirSync(join(dir, 'logs'))) {
      const path = join(dir, 'logs', name);
      expect(statSync(path).size).toBeLessThanOrEqual(1000);
      for (const text of readFileSync(path, 'utf8').trim().split('\n')) expect(() => JSON.parse(text)).not.toThrow();
    }
    // The newest lines are in onewindow.log, the ones before in .1.
    expect(readFileSync(file, 'utf8').trim().split('\n').at(-1)).toBe(line(99).trim());
    const previous = readFileSync(`${file}.1`, 'utf8')
      .trim()
      .split('\n')
      .map((t) => (JSON.parse(t) as { n: number }).n);
    const current = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((t) => (JSON.parse(t) as { n: number }).n);
    expect(previous.at(-1)).toBe((current[0] ?? 0) - 1);
    expect(existsSync(`${file}.5`)).toBe(false);
  });

  it('appends to the file an earlier run left', () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-logs-'));
    const file = join(dir, 'onewindow.log');
    const first = openRotatingLog(file, { maxBytes: 1000 });
    first.write('one\n');
    first.close();
    const second = openRotatingLog(file, { maxBytes: 1000 });
    second.write('two\n');
    second.close();
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
  });
});
