import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from './csv.ts';

describe('CSV drops', () => {
  it('neutralise cells a spreadsheet would run as a formula, and leave numbers and plain text alone', () => {
    const line = csvLine(['=HYPERLINK("http://evil.example","点此")', '+86 139', '-2+3', '@SUM(A1)', '\tTAB', '燃气表读数异常', -5, 12.5]);
    const [cells] = parseCsv(line);
    expect(cells).toEqual(['\'=HYPERLINK("http://evil.example","点此")', "'+86 139", "'-2+3", "'@SUM(A1)", "'\tTAB", '燃气表读数异常', '-5', '12.5']);
  });

  it('still quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });
});
