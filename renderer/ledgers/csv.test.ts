import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes a BOM, quotes what needs quoting and keeps formulas from running', () => {
    const csv = toCsv([{ a: '王*', b: 'x,"y"' }, { a: '=HYPERLINK("evil")', b: null }], [
      { header: '投诉人', value: (r) => r.a },
      { header: 'b', value: (r) => r.b },
    ]);
    expect(csv).toBe('\uFEFF投诉人,b\r\n王*,"x,""y"""\r\n"\'=HYPERLINK(""evil"")",\r\n');
  });
});
