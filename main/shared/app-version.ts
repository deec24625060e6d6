import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * OneWindow's own version, from the nearest package.json above this file: the source tree's,
 * or the packaged app's (the compiled copy sits a level deeper, in out/main/shared).
 */
export function ownVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

const parts = (version: string): number[] | undefined => {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version.trim());
  return match ? match.slice(1, 4).map(Number) : undefined;
};

/** Whether `version` reads as major.minor.patch (a pre-release or build suffix is allowed and ignored). */
export const isVersion = (version: string): boolean => parts(version) !== undefined;

/** Negative, zero or positive as `a` is older than, the same as or newer than `b` (major.minor.patch). */
export function compareVersions(a: string, b: string): number {
  const x = parts(a) ?? [0, 0, 0];
  const y = parts(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
