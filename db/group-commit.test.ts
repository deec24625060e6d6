import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.ts';
import { closeDatabase, type Db, inTransaction, openDatabase } from './connection.ts';
import { enableGroupCommit } from './group-commit.ts';
import { migrate } from './migrate.ts';

let dir: string;
let db: Db;
afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

function open() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-commit-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db);
  return enableGroupCommit(db);
}

const insert = (i: number) => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`k.${i}`, 'v'.repeat(200));

describe('group commit', () => {
  it('commits without an fsync on the event loop (NORMAL, no automatic checkpoints)', () => {
    open();
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('answers a flush with nothing new at once, without an fsync', async () => {
    const commits = open();
    await commits.flush();
    expect(commits.stats()).toEqual({ fsyncs: 0, flushes: 0, batches: 0 });
  });

  it('serves a burst of commits with far fewer fsyncs, each flush resolving only after one that began after its commit', async () => {
    const commits = open();
    const flushed: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      insert(i);
      flushed.push(commits.flush());
    }
    await Promise.all(flushed);
    const { fsyncs, flushes } = commits.stats();
    expect(flushes).toBe(50);
    // The first commit's fsync runs alone; everything committed meanwhile shares the next one.
    expect(fsyncs).toBeGreaterThanOrEqual(1);
    expect(fsyncs).toBeLessThanOrEqual(3);
    // A commit after the last fsync began needs one more.
    insert(99);
    await commits.flush();
    expect(commits.stats().fsyncs).toBe(fsyncs + 1);
    await commits.close();
  });

  it('the checkpointer moves the WAL into the database file off the event loop', async () => {
    const commits = open();
    const before = fs.statSync(db.name).size;
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert(i);
    })();
    await commits.flush();
    expect(fs.statSync(`${db.name}-wal`).size).toBeGreaterThan(400_000);
    const checkpointer = startCheckpointer(db.name, { everyMs: 60_000 });
    expect(await checkpointer.now()).toBe(1);
    await checkpointer.stop();
    expect(fs.statSync(db.name).size).toBeGreaterThan(before + 400_000);
    await commits.close();
  });

  it("commits a turn's transactions once: other connections see them after the turn, all or, for a failed one, none of it", async () => {
    const commits = open();
    const reader = openDatabase(db.name, { mustExist: true });
    try {
      const count = () => (reader.prepare(`SELECT count(*) AS n FROM settings WHERE key LIKE 'k.%'`).get() as { n: number }).n;
      for (let i = 0; i < 20; i++) inTransaction(db, () => insert(i));
      // A request whose handler fails after writing: its savepoint is undone, the others stay.
      expect(() =>
        inTransaction(db, () => {
          insert(100);
          throw new Error('refused');
        }),
      ).toThrow('refused');
      // Still one open transaction: nothing is committed within the turn.
      expect(db.inTransaction).toBe(true);
      expect(count()).toBe(0);
      await commits.flush();
      expect(db.inTransaction).toBe(false);
      expect(count()).toBe(20);
      expect(reader.prepare(`SELECT 1 FROM settings WHERE key = 'k.100'`).get()).toBeUndefined();
      expect(commits.stats().batches).toBe(1);
      // The next turn opens the next batch.
      inTransaction(db, () => insert(21));
      await commits.flush();
      expect(count()).toBe(21);
      expect(commits.stats().batches).toBe(2);
    } finally {
      closeDatabase(reader);
    }
  });

  it('fails every flush of a batch SQLite rolled back, and the next turn starts afresh', async () => {
    const commits = open();
    inTransaction(db, () => insert(1));
    const waiting = commits.flush();
    // What a disk error inside a statement does: SQLite ends the whole transaction.
    db.exec('ROLLBACK');
    await expect(waiting).rejects.toThrow(/rolled back/);
    inTransaction(db, () => insert(2));
    await commits.flush();
    expect(db.prepare(`SELECT key FROM settings WHERE key LIKE 'k.%'`).pluck().all()).toEqual(['k.2']);
  });

  it('commits the last turn when it closes', async () => {
    const commits = open();
    inTransaction(db, () => insert(7));
    await commits.close();
    closeDatabase(db);
    db = openDatabase(path.join(dir, 'hall.db'), { mustExist: true });
    expect(db.prepare(`SELECT key FROM settings WHERE key = 'k.7'`).pluck().get()).toBe('k.7');
  });
});
