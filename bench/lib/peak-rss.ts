import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';

/**
 * This process's own peak resident set, in MB: `VmHWM` of /proc/self/status, which belongs to
 * the address space exec() made. Not getrusage's maxrss: Linux carries it over from the parent
 * across fork and exec, so a child of a bench that had just built a 1 GB fixture would report
 * the parent's peak as its own.
 */
export function ownPeakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error('/proc/self/status has no VmHWM line: the peak RSS cases need Linux');
  return Number(kb) / 1024;
}

/** A peak that is not above zero or not below the machine's memory cannot be true: the bench is wrong, so it fails. */
export function checkPeakRssMb(mb: number, what: string): number {
  const machineMb = totalmem() / 2 ** 20;
  if (!(mb > 0) || mb >= machineMb)
    throw new Error(`${what}: a peak RSS of ${mb} MB cannot be true on a machine with ${Math.round(machineMb)} MB; the measurement is broken`);
  return mb;
}
