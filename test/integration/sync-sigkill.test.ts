import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';
import { configure, outboxStates, queueRecords, SECRET, tempDir } from './sync-testing.ts';
import { startUtilityServer } from './utility-server.ts';

const root = join(import.meta.dirname, '..', '..');
const dataDir = tempDir('onewindow-sync-kill-');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** `npm run sync -- --now --utility gas` as an operator would run it, as a real process. */
function runSyncCli(): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> } {
  const child = spawn(
    process.execPath,
    [join(root, 'main/utility-link/cli.ts'), '--now', '--utility', 'gas', '--data', dataDir, '--retry-base-ms', '5', '--timeout-ms', '5000'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, exited };
}

it(
  'a sync process SIGKILLed mid-batch resends that batch under the same id at restart, and the utility holds every record exactly once',
  { timeout: 60_000 },
  async () => {
    const server = await startUtilityServer({ secret: SECRET });
    const db = openDatabase(databaseFile(dataDir));
    try {
      migrate(db);
      configure(db, dataDir, { utility: 'gas', baseUrl: server.url });
      queueRecords(db, 'gas', 3000); // six batches

      const first = runSyncCli();
      const seen: string[] = [];
      server.onBatch = async (batchId) => {
        if (!seen.includes(batchId)) seen.push(batchId);
        // The third batch reaches the utility; the hall is killed before the answer arrives.
        if (seen.length === 3 && first.child.exitCode === null && first.child.signalCode === null) {
          first.child.kill('SIGKILL');
          await first.exited;
        }
      };
      expect((await first.exited).signal).toBe('SIGKILL');
      const killedBatch = seen[2];
      while (!server.log.some((l) => l.batchId === killedBatch)) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(db.prepare(`SELECT state, record_count AS n FROM sync_batches WHERE id = ?`).get(killedBatch)).toEqual({ state: 'open', n: 500 });
      // Several batches are in flight at a time: the utility holds more than the hall heard answered.
      const answeredBeforeKill = outboxStates(db, 'gas').accepted ?? 0;
      expect(server.records.size).toBeGreaterThan(answeredBeforeKill);
      const second = runSyncCli();
      const { code, stdout } = await second.exited;
      expect(code).toBe(0);
      expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ utility: 'gas', state: 'succeeded', accepted: 3000 - answeredBeforeKill });
      // The interrupted batch went again first, under its own id, and the utility answered it as before.
      expect(server.log.filter((l) => l.batchId === killedBatch).map((l) => l.outcome)).toEqual(['taken', 'replayed']);
      expect(server.records.size).toBe(3000);
      expect([...server.deliveries.values()].every((n) => n === 1)).toBe(true);
      expect(outboxStates(db, 'gas')).toEqual({ accepted: 3000 });
      // The killed run is on record as failed, not left running.
      expect(db.prepare('SELECT state, trigger FROM sync_runs ORDER BY id').all()).toEqual([
        { state: 'failed', trigger: 'cli' },
        { state: 'succeeded', trigger: 'cli' },
      ]);
    } finally {
      closeDatabase(db);
      await server.close();
    }
  },
);
