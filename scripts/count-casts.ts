/**
 * The type assertions (`x as T`, `<T>x`) in the app's sources outside tests; `as const` is not
 * one. Each is a place where the compiler takes our word: issue #17 asks for fewer than 30, and
 * test/unit/type-assertions.test.ts holds the line.
 * Usage: node scripts/count-casts.ts [-v]   (-v lists every one)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export type Assertion = { file: string; line: number; text: string };

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

export function typeAssertions(dirs: readonly string[] = ['main', 'db', 'renderer', 'preload', 'common']): Assertion[] {
  const found: Assertion[] = [];
  for (const path of dirs.flatMap(sources)) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const walk = (node: ts.Node): void => {
      if (
        (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
        !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const')
      ) {
        const start = node.getStart(source);
        found.push({ file, line: source.getLineAndCharacterOfPosition(start).line + 1, text: node.getText(source).replace(/\s+/g, ' ').slice(0, 140) });
      }
      ts.forEachChild(node, walk);
    };
    walk(source);
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
