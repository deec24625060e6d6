import { describe, expect, it } from 'vitest';
import { typeAssertions } from '../../scripts/count-casts.ts';

// Issue #17: a type assertion is a place where the compiler takes our word. SQL rows are typed
// once (db/tables.ts, db/sql.ts), parsed JSON goes through a schema, and the rest are narrowed;
// the few left are where TypeScript cannot follow (a correlated union, the API registry).
describe('type assertions outside tests', () => {
  it('stay fewer than 30', () => {
    const found = typeAssertions();
    expect(found.length, found.map((f) => `${f.file}:${f.line}: ${f.text}`).join('\n')).toBeLessThan(30);
  });
});
