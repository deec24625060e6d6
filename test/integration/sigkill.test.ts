import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';
import { type CliHall, createAdmin, login, PASSWORD, post, postOk, spawnCliHall, tempDataDir } from './hall-fixture.ts';

// Each staff/create hashes a password with scrypt at 128 MiB, which is memory-bound:
// about 0.5 s on a two-core runner whatever the concurrency. Killing after 20
// acknowledged writes keeps the test near 10 s while still cutting through ~8 writes
// that are in flight at the moment of the kill.
const PLANNED_WRITES = 200;
const CONCURRENCY = 8;
const KILL_AFTER_ACKS = 20;

const dataDir = tempDataDir();
const halls: CliHall[] = [];

afterAll(async () => {
  for (const hall of halls) {
    if (hall.child.exitCode === null && hall.child.signalCode === null) hall.child.kill('SIGKILL');
    await hall.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

// The hall commits with group commit (db/group-commit.ts) in its core thread (the CLI's startHall,
// main/server/core-thread.ts): an answer crosses back from that thread only after the WAL's fsync,
// so this exercises that path — nothing acknowledged may be missing after.
it('keeps every acknowledged write across a SIGKILL and reopens a sound database', { timeout: 60_000 }, async () => {
  const first = await spawnCliHall(dataDir);
  halls.push(first);
  const admin = await createAdmin(first.url);
  const adminToken = await login(first.url, admin);

  const workNos = Array.from({ length: PLANNED_WRITES }, (_, i) => `K${String(i + 1).padStart(4, '0')}`);
  const acknowledged: string[] = [];
  const attempted = new Set<string>();
  let next = 0;
  let killed = false;

  // Workers pull the next work number until the process is gone; only a complete
  // ok:true response counts as acknowledged, exactly what a screen would trust.
  const worker = async () => {
    while (!killed && next < workNos.length) {
      const workNo = workNos[next++] as string;
      attempted.add(workNo);
      try {
        const { body } = await post(first.url, 'staff/create', { workNo, name: `Burst ${workNo}`, password: PASSWORD, roles: ['clerk'] }, adminToken);
        if (body.ok) acknowledged.push(workNo);
        else throw new Error(`staff/create ${workNo} refused: ${JSON.stringify(body.error)}`);
      } catch (error) {
        // After the kill, connections reset or are refused; before it, any failure is a bug.
        if (!killed) throw error;
      }
      if (!killed && acknowledged.length >= KILL_AFTER_ACKS) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  // The kill landed part-way, with writes left unsent.
  expect(attempted.size).toBeLessThan(PLANNED_WRITES);

  const second = await spawnCliHall(dataDir);
  halls.push(second);
  // The session opened before the crash was committed too, so the old token still works.
  const listed = await postOk<{ workNo: string }[]>(second.url, 'staff/list', {}, adminToken);
  const present = new Set(listed.map((s) => s.workNo));
  const lost = acknowledged.filter((workNo) => !present.has(workNo));
  expect(lost).toEqual([]);
  // Writes in flight at the kill may or may not have landed, but nothing unasked-for appears.
  expect([...present].filter((workNo) => workNo !== admin.workNo && !attempted.has(workNo))).toEqual([]);

  // A second connection alongside the running server, as a backup tool would open one.
  const db = openDatabase(databaseFile(dataDir), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    closeDatabase(db);
  }

  // The restarted hall takes writes again.
  await postOk(second.url, 'staff/create', { workNo: 'AFTER-1', name: 'After restart', password: PASSWORD, roles: ['clerk'] }, adminToken);
  await second.stop();
  expect((await second.exited).code).toBe(0);
});
