import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of a background worker: below the hall's threads, above nothing that matters. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling worker thread's CPU priority (a backup copy, a report, a checkpoint), so
 * that on a hall's two-core PC the threads that answer counters and feed boards get the CPU
 * first and the background work takes what is left. Linux gives each thread its own nice value;
 * elsewhere the call would lower the whole hall's process, so it does nothing there, and it never
 * touches a process's main thread. Says whether it lowered anything.
 */
export function runInBackground(nice = BACKGROUND_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid === process.pid) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    // No /proc, or not allowed: the work runs at the hall's priority, as before.
    return false;
  }
}
