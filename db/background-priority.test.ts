import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, runInBackground } from './background-priority.ts';

/** A thread's nice value, the 19th field of /proc/<pid>/task/<tid>/stat (after the command in parentheses). */
const niceOf = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);

describe.runIf(process.platform === 'linux')('background workers', () => {
  it("run at a lower priority than the hall's threads, and never lower the process's main thread", async () => {
    const url = new URL('./background-priority.ts', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(url)}).then(({ runInBackground }) => {
         const lowered = runInBackground();
         const stat = require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8');
         require('node:worker_threads').parentPort.postMessage({ lowered, stat });
       });`,
      { eval: true },
    );
    const answer = await new Promise<{ lowered: boolean; stat: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer.lowered).toBe(true);
    expect(niceOf(answer.stat)).toBe(BACKGROUND_NICE);
    // On the main thread it declines: lowering it would lower the whole hall.
    expect(runInBackground()).toBe(false);
    expect(niceOf(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(0);
  });
});
