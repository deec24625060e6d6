/**
 * The type assertions (`x as T`, `<T>x`) in the app's sources outside tests; `as const` is not
 * one. Each is a place where the compiler takes our word: issue #17 asks for fewer than 30, and
 * test/unit/type-assertions.test.ts holds the line.
 * Usage: node scripts/count-casts.ts [-v]   (-v lists every one)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

export type Assertion = { file: string; line: number; text: string };

type AstNode = { type: string; start: number; end: number; typeAnnotation?: unknown };

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(root, dir));
  return out;
}

const isNode = (value: unknown): value is AstNode => typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
const isAsConst = (t: unknown): boolean =>
  typeof t === 'object' && t !== null && 'typeName' in t && typeof t.typeName === 'object' && t.typeName !== null && 'name' in t.typeName && t.typeName.name === 'const';

export function typeAssertions(dirs: readonly string[] = ['main', 'db', 'renderer', 'preload']): Assertion[] {
  const found: Assertion[] = [];
  for (const path of dirs.flatMap(sources)) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (typeof value !== 'object' || value === null) return;
      if (isNode(value) && (value.type === 'TSAsExpression' || value.type === 'TSTypeAssertion') && !isAsConst(value.typeAnnotation)) {
        found.push({ file, line: text.slice(0, value.start).split('\n').length, text: text.slice(value.start, value.end).replace(/\s+/g, ' ').slice(0, 140) });
      }
      for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) walk(child);
    };
    walk(parseAst(text, { lang: path.endsWith('x') ? 'tsx' : 'ts' }, path));
  }
  return found;
}

if (import.meta.main) {
  const found = typeAssertions();
  if (process.argv.includes('-v')) for (const f of found) console.log(`${f.file}:${f.line}: ${f.text}`);
  else {
    const byFile = new Map<string, number>();
    for (const f of found) byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
    for (const [file, n] of [...byFile].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), file);
  }
  console.log('total', found.length);
}
