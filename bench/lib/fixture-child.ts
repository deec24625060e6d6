import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { BenchContext } from '../types.ts';

/**
 * Builds (or finds) a cached fixture in its own process (bench/children/build-fixture.ts) and
 * resolves with what the builder returns. A fixture build fills hundreds of MB through
 * SQLite; done here it would stay in this process's memory for every later case.
 */
export function fixtureInChild<T>(ctx: BenchContext, kind: string, arg: string | number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ctx.root, 'bench/children/build-fixture.ts'), kind, ctx.cacheDir, String(arg)], {
      cwd: ctx.root,
      env: ctx.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`building the ${kind} fixture failed (code ${code}, signal ${signal})`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as T);
    });
  });
}
