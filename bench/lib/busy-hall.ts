import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BenchContext } from '../types.ts';

export type LoopStall = { maxMs: number; p99Ms: number; meanMs: number; samples: number };

export type BusyHall = {
  url: string;
  /** Starts a new window of the hall's event loop monitor. */
  resetLoopMonitor: () => Promise<void>;
  /** The loop's delays since the last reset, measured inside the hall's process. */
  loopStall: () => Promise<LoopStall>;
  stop: () => Promise<void>;
};

/**
 * The hall in bench/children/busy-hall.ts: startHall as the CLI runs it, plus an event loop
 * monitor (perf_hooks.monitorEventLoopDelay) driven over stdin, so main/ needs no bench hook.
 */
export function startBusyHall(ctx: BenchContext, dataDir: string, backupDir: string): Promise<BusyHall> {
  const child = spawn(process.execPath, [join(ctx.root, 'bench/children/busy-hall.ts'), dataDir, backupDir], {
    cwd: ctx.root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const ask = (command: string) =>
    new Promise<string>((resolve) => {
      waiting.push(resolve);
      child.stdin.write(`${command}\n`);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`the busy hall did not start within 120 s\n${stderr}`))), 120_000);
    child.once('exit', (code, signal) => reject(new Error(`the busy hall exited (code ${code}, signal ${signal}) before it listened\n${stderr}`)));
    waiting.push((line) => {
      clearTimeout(timer);
      const url = /busy hall listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (!url) return void stop().then(() => reject(new Error(`the busy hall said: ${line}\n${stderr}`)));
      resolve({
        url,
        async resetLoopMonitor() {
          await ask('reset');
        },
        loopStall: async () => JSON.parse(await ask('stall')) as LoopStall,
        stop,
      });
    });
  });
}

/** Runs `node args` to its end and resolves with the JSON of its last stdout line. */
export function runNodeJson<T>(ctx: BenchContext, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ctx.root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${args[0]} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as T);
    });
  });
}
