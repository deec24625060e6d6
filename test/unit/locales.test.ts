import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const localesDir = join(root, 'resources', 'locales');
const languages = readdirSync(localesDir).sort();

type Tree = { [key: string]: string | Tree };

// i18next plural forms: "rows_one"/"rows_other" in English are one key "rows" in Chinese.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k.replace(pluralSuffix, '')}`] : flatten(v, `${prefix}${k}.`)));
}

function keysOf(lng: string): Map<string, Set<string>> {
  const byNs = new Map<string, Set<string>>();
  for (const file of readdirSync(join(localesDir, lng))) {
    const tree = JSON.parse(readFileSync(join(localesDir, lng, file), 'utf8')) as Tree;
    byNs.set(file.replace(/\.json$/, ''), new Set(flatten(tree)));
  }
  return byNs;
}

function files(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (re.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

describe('locales', () => {
  it('ships zh-CN and en-US', () => {
    expect(languages).toEqual(['en-US', 'zh-CN']);
  });

  it('every key exists in both languages', () => {
    const zh = keysOf('zh-CN');
    const en = keysOf('en-US');
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    const missing: string[] = [];
    for (const [ns, keys] of zh) {
      for (const k of keys) if (!en.get(ns)?.has(k)) missing.push(`en-US ${ns}:${k}`);
      for (const k of en.get(ns) ?? []) if (!keys.has(k)) missing.push(`zh-CN ${ns}:${k}`);
    }
    expect(missing).toEqual([]);
  });

  it('every error and field key the core can send has a message', () => {
    const zhErrors = keysOf('zh-CN').get('errors') ?? new Set();
    const used = new Set<string>();
    // common/ too: the ID checks' keys (common/identity.ts) are sent by the hall as well.
    for (const file of ['main', 'common'].flatMap((dir) => files(join(root, dir), /\.ts$/))) {
      if (file.endsWith('.test.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`]((?:errors|field)\.[A-Za-z.]+[A-Za-z])['"`]/g)) if (m[1]) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => !zhErrors.has(k))).toEqual([]);
  });

  it('every t() key used in the renderer exists', () => {
    const zh = keysOf('zh-CN');
    const common = zh.get('common') ?? new Set();
    const missing: string[] = [];
    for (const file of files(join(root, 'renderer'), /\.tsx?$/)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+:[a-zA-Z][a-zA-Z.-]*|[a-zA-Z]+\.[a-zA-Z.-]+)'/g)) {
        const key = m[1] ?? '';
        const [ns, ...rest] = key.split(':');
        const found = rest.length > 0 ? zh.get(ns ?? '')?.has(rest.join(':')) : common.has(key) || zh.get('errors')?.has(key);
        if (!found) missing.push(`${relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no user-facing literal outside the locale files', () => {
    const offenders: string[] = [];
    for (const file of files(join(root, 'renderer'), /\.tsx?$/)) {
      if (file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const where = relative(root, file);
      // Chinese anywhere in code is text a user will read.
      if (/[\u4e00-\u9fff]/.test(text)) offenders.push(`${where}: Chinese text`);
      // JSX text between tags that has letters in it (an arrow's `=>` ends no tag: formatted
      // code puts an arrow's body on the next line, before a `<` comparison).
      if (file.endsWith('.tsx'))
        for (const m of text.matchAll(/(?<!=)>\s*([^<>{}\n]*[A-Za-z][^<>{}\n]*?)\s*</g)) {
          const literal = m[1]?.trim() ?? '';
          if (literal && !/^[\w.]+\s*=>/.test(literal) && !/[=;()]/.test(literal)) offenders.push(`${where}: "${literal}"`);
        }
      // Attributes a user sees or hears.
      for (const m of text.matchAll(/\b(placeholder|title|aria-label|alt|label)="([^"]*[A-Za-z][^"]*)"/g)) offenders.push(`${where}: ${m[1]}="${m[2]}"`);
    }
    expect(offenders).toEqual([]);
  });
});
