import { isAbsolute, relative, resolve } from 'node:path';

/** True when `dir` is one of `roots` or inside one: a folder connector may use no other path. */
export function insideDropRoots(dir: string, roots: readonly string[]): boolean {
  const target = resolve(dir);
  return roots.some((root) => {
    const rel = relative(resolve(root), target);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}
