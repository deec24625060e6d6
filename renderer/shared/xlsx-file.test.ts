import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toSheet, xlsxBytes } from './xlsx-file.ts';

describe('the Excel export of a list', () => {
  it('holds the headers and the rows as listed, and a cell starting with "=" stays text, never a formula', async () => {
    type Row = { name: string; id: string; fen: number | null };
    const rows: Row[] = [
      { name: '王芳', id: '110105********0021', fen: 12550 },
      { name: '=HYPERLINK("http://evil","x")', id: '', fen: null },
    ];
    const sheet = toSheet('受理记录', rows, [
      { header: '客户', value: (r) => r.name },
      { header: '证件号码', value: (r) => r.id },
      { header: '费用合计', value: (r) => (r.fen === null ? null : r.fen / 100) },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsxBytes(sheet));
    const ws = book.getWorksheet('受理记录');
    if (!ws) throw new Error('no sheet named after the list');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['客户', '证件号码', '费用合计']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['王芳', '110105********0021', 125.5]);
    const evil = ws.getCell('A3');
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.value).toBe('=HYPERLINK("http://evil","x")');
  });

  it('names the sheet within what Excel accepts', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsxBytes({ name: 'a/b:c*d?e[f]g\\h and a name far longer than thirty-one', headers: ['x'], rows: [['1']] }));
    const name = book.worksheets[0]?.name ?? '';
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });
});
