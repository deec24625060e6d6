import { downloadFile } from './download-file.ts';

/** One sheet as a list shows it: translated headers, then the rows' cells (masked already). */
export type Sheet = { name: string; headers: string[]; rows: (string | number | null)[][] };

/** A column of an export: its translated header and the cell a row gives (masked as listed). */
export type ExportColumn<T> = { header: string; value: (row: T) => string | number | null | undefined };

export function toSheet<T>(name: string, rows: readonly T[], columns: readonly ExportColumn<T>[]): Sheet {
  return { name, headers: columns.map((c) => c.header), rows: rows.map((row) => columns.map((c) => c.value(row) ?? null)) };
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes a real .xlsx in the browser. exceljs is loaded only when a clerk exports, so the
 * screens' bundle stays small; Vite takes its browser build from the package's "browser" field.
 * exceljs stores every string as text, so a cell starting with "=" never runs as a formula.
 */
export async function xlsxBytes(sheet: Sheet): Promise<ArrayBuffer> {
  const loaded = await import('exceljs');
  const ExcelJS = ('default' in loaded ? loaded.default : loaded) satisfies typeof import('exceljs');
  const book = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\.
  const ws = book.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  ws.addRow(sheet.headers).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
  ws.columns.forEach((column, i) => {
    const longest = Math.max(String(sheet.headers[i] ?? '').length, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  return book.xlsx.writeBuffer();
}

export async function downloadXlsx(fileName: string, sheet: Sheet): Promise<void> {
  downloadFile(`${fileName}.xlsx`, await xlsxBytes(sheet), xlsxType);
}
