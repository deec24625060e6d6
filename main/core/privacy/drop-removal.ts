import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { insideDropRoots } from '../sync/drop-roots.ts';

// Batch ids are UUIDs; anything else (a path, "..") is never removed.
const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Removes one answered batch's folder drop (`<outDir>/<batchId>/`, its CSVs with the customers
 * as sent) — only inside the folders the operator set aside for drops, whatever the connector
 * now says. True when it is gone (removed now, or removed by the utility already).
 */
export function removeDropFolder(outDir: string, batchId: string, roots: readonly string[]): boolean {
  if (!BATCH_ID.test(batchId) || !insideDropRoots(outDir, roots)) return false;
  const folder = join(outDir, batchId);
  if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  return true;
}
