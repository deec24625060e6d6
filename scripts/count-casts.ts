/**
 * Counts the type assertions (`x as T`, `<T>x`) outside tests; `as const` is not one.
 * Issue #17 asks for fewer than 30: each one is a place where the compiler takes our word.
 * Usage: node scripts/count-casts.ts [-v]   (-v lists every one)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseAst } from 'rolldown/parseAst';

type Node = { type: string; start: number; end: number; typeAnnotation?: Node; typeName?: Node; name?: string };

const files = execFileSync('git', ['ls-files', 'main', 'db', 'renderer', 'preload', 'common'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'));

const isConst = (t: Node | undefined): boolean => t?.type === 'TSTypeReference' && t.typeName?.name === 'const';

const found: { file: string; line: number; text: string }[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const ast: unknown = parseAst(text, { lang: file.endsWith('x') ? 'tsx' : 'ts' }, file);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if ((node.type === 'TSAsExpression' || node.type === 'TSTypeAssertion') && !isConst(node.typeAnnotation)) {
      const line = text.slice(0, node.start).split('\n').length;
      found.push({ file, line, text: text.slice(node.start, node.end).replace(/\s+/g, ' ').slice(0, 140) });
    }
    for (const child of Object.values(node)) if (child && typeof child === 'object') walk(child);
  };
  walk(ast);
}

if (process.argv.includes('-v')) for (const f of found) console.log(`${f.file}:${f.line}: ${f.text}`);
else {
  const byFile = new Map<string, number>();
  for (const f of found) byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
  for (const [file, n] of [...byFile].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), file);
}
console.log('total', found.length);
