import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering rules of the brief, checked on the tree: each folder one runtime,
// imports only downward.
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

type Import = { file: string; specifier: string; typeOnly: boolean };

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const specifier = m[3] ?? m[4] ?? m[5];
    if (specifier) found.push({ file: relative(root, file), specifier, typeOnly: Boolean(m[2]) });
  }
  return found;
}

const all = ['db', 'main', 'renderer', 'preload', 'test', 'scripts'].flatMap((d) => sources(d)).flatMap(importsOf);
const under = (prefix: string) => all.filter((i) => i.file.startsWith(prefix));

describe('layering', () => {
  it('only db/ imports better-sqlite3', () => {
    const offenders = all.filter((i) => i.specifier === 'better-sqlite3' && !i.file.startsWith('db/'));
    expect(offenders).toEqual([]);
  });

  it('only main/electron/ and preload/ import electron', () => {
    const offenders = all.filter(
      (i) => i.specifier === 'electron' && !i.typeOnly && !i.file.startsWith('main/electron/') && !i.file.startsWith('preload/') && !i.file.startsWith('test/'),
    );
    expect(offenders).toEqual([]);
  });

  it('main/core/ imports neither electron nor the HTTP stack', () => {
    const forbidden = /^(electron|fastify|@fastify\/|ws$|pino$)|\/server\/|\/electron\//;
    const offenders = under('main/core/').filter((i) => forbidden.test(i.specifier) && !i.typeOnly);
    expect(offenders).toEqual([]);
  });

  it('db/ imports nothing from main/ or renderer/', () => {
    const offenders = under('db/').filter((i) => /(^|\/)(main|renderer)\//.test(i.specifier));
    expect(offenders).toEqual([]);
  });

  it('renderer/ imports only types from main/, and no Node modules', () => {
    const offenders = under('renderer/').filter(
      (i) => (/(^|\/)main\//.test(i.specifier) && !i.typeOnly) || /^(node:|fs$|path$|child_process$|better-sqlite3$|electron$)/.test(i.specifier),
    );
    expect(offenders).toEqual([]);
  });

  it('main/drivers/ imports nothing from main/core/: drivers are a library the hall server opens, the core drives them through ports', () => {
    expect(under('main/drivers/').filter((i) => /(^|\/)core\//.test(i.specifier))).toEqual([]);
  });

  it('main/server/ does not import main/electron/', () => {
    expect(under('main/server/').filter((i) => i.specifier.includes('/electron/'))).toEqual([]);
  });

  it('the checker sees imports at all (guards the rules above against a broken parser)', () => {
    expect(all.some((i) => i.file.startsWith('db/') && i.specifier === 'better-sqlite3')).toBe(true);
    expect(under('renderer/').some((i) => i.typeOnly && i.specifier.includes('main/core'))).toBe(true);
  });
});

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
  it('no enum, no default export, no console.* in application code', () => {
    const offenders: string[] = [];
    for (const file of ['db', 'main', 'renderer', 'preload'].flatMap((d) => sources(d))) {
      if (file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
      const text = readFileSync(file, 'utf8');
      if (/^\s*(export\s+)?(const\s+)?enum\s/m.test(text)) offenders.push(`${relative(root, file)}: enum`);
      if (/^\s*export\s+default\s/m.test(text)) offenders.push(`${relative(root, file)}: default export`);
      if (/\bconsole\.(log|error|warn|info|debug)\(/.test(text)) offenders.push(`${relative(root, file)}: console`);
    }
    expect(offenders).toEqual([]);
  });

  it('time comes from the hall clock: no wall-clock read in main/, db/ or renderer/ outside the clocks', () => {
    // The core's clock (main/core/clock.ts) and the screens' copy of the hall's time
    // (renderer/shared/hall-clock.ts) are the only readers; intervals use performance.now().
    const clocks = new Set(['main/core/clock.ts', 'renderer/shared/hall-clock.ts']);
    const offenders: string[] = [];
    for (const file of ['db', 'main', 'renderer', 'preload'].flatMap((d) => sources(d))) {
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
