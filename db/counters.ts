import type { Db } from './connection.ts';

export type CounterStatus = 'closed' | 'open' | 'paused';

export type CounterSummary = { total: number; open: number; paused: number };

export function counterSummary(db: Db): CounterSummary {
  const row = db
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(status = 'open'), 0) AS open,
              coalesce(sum(status = 'paused'), 0) AS paused
       FROM counters`,
    )
    .get() as CounterSummary;
  return row;
}
