/**
 * A text that a spreadsheet would run as a formula (a complaint beginning "=HYPERLINK(…"): it
 * gets a leading apostrophe, so Excel and WPS show it as the text it is. Numbers are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const neutralised = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutralised(value);
  if (typeof value === 'object') return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects went through JSON.stringify above; what is left is a number, a boolean or a bigint
  return String(value);
}

/** RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break. */
export function csvField(value: unknown): string {
  const text = fieldText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: readonly unknown[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** Parses CSV text (for tests and tools reading a drop back). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
