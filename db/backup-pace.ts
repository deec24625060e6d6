/**
 * How fast a backup copies: `pagesPerStep` pages (4 KiB each) then a pause. 256 pages and 4 ms
 * copy at most ~250 MB/s — a 2 GB hall in under a minute at night — while a counter's commit
 * never waits behind more than one step's reads.
 */
export type BackupPace = { pagesPerStep: number; pauseMs: number };

export const BACKUP_PACE: BackupPace = { pagesPerStep: 256, pauseMs: 4 };
