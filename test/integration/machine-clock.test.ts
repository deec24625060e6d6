import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath, createAdmin, login, post, postOk, tempDataDir } from './hall-fixture.ts';

/**
 * The hall's clock is the hall's, whatever the machine's says: the CLI hall runs here under
 * Debian's `faketime` at a machine date far from its --clock-start, and every date it answers
 * and stores is the set clock's. (faketime shifts the machine's clock for one process tree; it
 * is the real wall-clock interposer, not a fake of the hall.)
 */
const hasFaketime = spawnSync('faketime', ['--version']).status === 0;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function hallUnderFaketime(machineTime: string, clockStart: string) {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const child = spawn(
    'faketime',
    [machineTime, process.execPath, cliPath, '--data', dataDir, '--port', '0', '--log-level', 'warn', '--clock-start', clockStart],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('hall did not start under faketime')), 20_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`hall exited with ${code}`)));
  });
  return { url, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) };
}

describe.skipIf(!hasFaketime)('a hall whose machine clock is elsewhere', () => {
  for (const machineTime of ['2027-01-05 10:00:00', '2027-01-05 15:59:30']) {
    it(`answers and dates on its own clock with the machine at ${machineTime} UTC`, async () => {
      const hall = await hallUnderFaketime(machineTime, '2026-11-25T10:00:00+08:00');
      try {
        const time = await postOk<{ at: string; day: string; timeZone: string }>(hall.url, 'hall/time', {});
        expect(time).toMatchObject({ day: '2026-11-25', timeZone: 'Asia/Shanghai' });
        expect(Date.parse(time.at) - Date.parse('2026-11-25T02:00:00Z')).toBeLessThan(5 * 60_000);
        // A ticket issued now is numbered and dated on the hall's day, inside the default opening hours.
        const token = await login(hall.url, await createAdmin(hall.url));
        const ticket = await post<{ issuedAt: string; number: string }>(hall.url, 'queue/issue', { categoryId: 1 }, token);
        expect(ticket.body).toMatchObject({ ok: true, value: { number: 'A001' } });
        if (ticket.body.ok) expect(ticket.body.value.issuedAt.slice(0, 10)).toBe('2026-11-25');
      } finally {
        await hall.stop();
      }
    });
  }
});
