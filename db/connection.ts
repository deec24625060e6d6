import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';

/** A writable connection: the hall's single writer. Only db/ knows it is better-sqlite3. */
export type Db = Database.Database;
/** The same, named for what takes it: handlers writing inside a transaction. */
export type WriteDb = Db;
/**
 * What reading needs, and all that reports, views and workers get (on the hall's connection or
 * a `readonly` one): a Db is a ReadDb, a ReadDb is not a Db, so code holding one cannot pass it
 * to `run` (sql.ts), a transaction or a repository's write.
 */
export type ReadDb = Pick<Db, 'prepare' | 'name' | 'open' | 'readonly'>;

export type OpenOptions = {
  readonly?: boolean;
  /** How long a writer waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
  /** Fail instead of creating an empty database when the file is missing (a second connection to the hall's file). */
  mustExist?: boolean;
};

/**
 * Opens the hall database with the settings every connection must share:
 * WAL so readers never block the writer, foreign keys enforced, a busy timeout so
 * a second process waits instead of failing, and synchronous=FULL so a power cut
 * after a commit loses nothing (WAL with NORMAL may lose the last transactions).
 * The hall server's own connection then switches to group commit (group-commit.ts):
 * NORMAL, with the WAL fsynced off the event loop before any answer goes out.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly && file !== ':memory:') protectFile(file, options.mustExist ?? false);
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  db.pragma('synchronous = FULL');
  return db;
}

/**
 * The hall's file holds citizens' data: readable and writable by the hall's own user only.
 * Created that way (SQLite gives the -wal and -shm files the database file's mode), and an
 * existing file is narrowed to it. On Windows the user profile's ACLs do this instead.
 */
function protectFile(file: string, mustExist: boolean): void {
  if (!existsSync(file)) {
    if (mustExist) return;
    closeSync(openSync(file, 'a', 0o600));
  }
  if (process.platform !== 'win32') for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

export function closeDatabase(db: Db): void {
  if (db.open) db.close();
}

/**
 * Runs fn in one deferred transaction: its reads see one snapshot, and it takes the write lock
 * only at its first write (see tryWrite), so a long computation holds no one up.
 */
export function inReadTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).deferred();
}

/**
 * A write inside inReadTransaction that SQLite refuses when another connection has written
 * since the snapshot began (SQLITE_BUSY_SNAPSHOT) or holds the lock past the busy timeout:
 * false, and nothing written. What was computed from the snapshot may then be out of date.
 */
export function tryWrite(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) return false;
    throw error;
  }
}

/**
 * Connections whose transactions are batched into one commit per turn of the event loop
 * (group-commit.ts): there inTransaction first makes sure the batch's transaction is open.
 */
const batches = new WeakMap<Db, () => void>();

export function batchTransactions(db: Db, open: (() => void) | undefined): void {
  if (open) batches.set(db, open);
  else batches.delete(db);
}

/**
 * Runs fn in one immediate transaction: all of it is committed, or none. On a batching
 * connection it is a savepoint inside the turn's batch: a failure undoes fn's writes only,
 * and the batch commits once for every request of the turn.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  batches.get(db)?.();
  return db.transaction(fn).immediate();
}
