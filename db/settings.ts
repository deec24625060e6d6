import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export function getSetting(db: Db, key: string): string | undefined {
  const row = cached(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  cached(db, 
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function deleteSetting(db: Db, key: string): void {
  cached(db, 'DELETE FROM settings WHERE key = ?').run(key);
}
