/**
 * How fast a backup copies: `pagesPerStep` pages (4 KiB each) then a pause, and the copy forced
 * to disk after every `syncEveryPages`. 256 pages and 4 ms copy at most ~250 MB/s — a 2 GB hall
 * in under a minute at night — while a counter's commit never waits behind more than one step's
 * reads. The syncs keep what the copy leaves for the disk to write small: a counter's commit
 * is answered once its fsync ends, and an fsync waits for everything the disk was already given
 * (unsynced, a 2 GB copy made every ticket at its end wait 0.3-0.6 s: bench hall.busy).
 */
export type BackupPace = { pagesPerStep: number; pauseMs: number; syncEveryPages: number };

export const BACKUP_PACE: BackupPace = { pagesPerStep: 256, pauseMs: 4, syncEveryPages: 2048 };
