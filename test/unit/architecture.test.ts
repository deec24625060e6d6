import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The rules ESLint cannot say as well, checked on the tree. The import zones (each folder one
// runtime, imports only downward), no enum, no default export and no console are in
// eslint.config.ts; test/unit/lint-config.test.ts shows them failing.
const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === 'dist' || name === 'out') continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name)) out.push(path);
    }
  };
  walk(join(root, dir));
  return out;
}

describe('folders', () => {
  it('every name/verb method is declared in main/core/name/', () => {
    const misplaced: string[] = [];
    const declared: string[] = [];
    for (const file of sources('main/core').filter((f) => /(^|[/-])contract\.ts$/.test(f))) {
      const folder = relative(join(root, 'main/core'), file).split('/')[0];
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*'([a-z]+)\/[a-zA-Z]+': \{/gm)) {
        declared.push(m[0]);
        if (m[1] !== folder) misplaced.push(`${relative(root, file)}: ${m[0].trim()}`);
      }
    }
    expect(declared.length).toBeGreaterThan(100);
    expect(misplaced).toEqual([]);
  });
});

describe('style', () => {
  it('time comes from the hall clock: no wall-clock read in common/, main/, db/ or renderer/ outside the clocks', () => {
    // The core's clock (main/core/clock.ts) and the screens' copy of the hall's time
    // (renderer/shared/hall-clock.ts) are the only readers; intervals use performance.now().
    const clocks = new Set(['main/core/clock.ts', 'renderer/shared/hall-clock.ts']);
    const offenders: string[] = [];
    for (const file of ['common', 'db', 'main', 'renderer', 'preload'].flatMap((d) => sources(d))) {
      const name = relative(root, file);
      if (clocks.has(name) || /\.test\.tsx?$/.test(name)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/new Date\(\s*\)|Date\.now\(\)/.test(line)) offenders.push(`${name}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('SQL is written with bound parameters, not interpolated values', () => {
    const offenders: string[] = [];
    for (const file of sources('db')) {
      const text = readFileSync(file, 'utf8');
      // A template literal handed to prepare() with ${...} inside builds SQL from values;
      // only SQL fragments held in UPPER_CASE constants may be spliced in.
      for (const m of text.matchAll(/prepare\(\s*`([^`]*)`/g)) {
        for (const part of m[1]?.matchAll(/\$\{([^}]*)\}/g) ?? []) if (!/^[A-Z][A-Z0-9_]*$/.test(part[1] ?? '')) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
