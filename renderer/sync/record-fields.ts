/**
 * A rejected record as a form (the sync page's 更正并重发): its fields flattened to labelled
 * lines, and which of them a manager may correct. The core resends whatever it is given
 * (sync/resend), so this list is where the hall decides that, for instance, a work order's
 * customer and 用户号 may be corrected but never its status, dates or fees: those are the
 * hall's own records and a correction belongs at the window, not in the outbox.
 */

export type RecordValue = string | number | boolean | null;
export type RecordField = { path: string[]; value: RecordValue; editable: boolean };

const isScalar = (v: unknown): v is RecordValue => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Per record type, the paths a manager may correct; `#` stands for any position in a list. */
const editable: Record<string, string[][]> = {
  workOrder: [
    ['customer', 'name'],
    ['customer', 'idNumber'],
    ['customer', 'contactName'],
    ['customer', 'phone'],
    ['customer', 'address'],
    ['matters', '#', 'accountNo'],
  ],
  complaint: [['caseNumber'], ['externalRef'], ['content']],
  followUp: [['notes']],
  // A rating is the customer's verdict and an erasure a legal request: resent as they are.
};

const isPosition = (segment: string): boolean => /^\d+$/.test(segment);

// The fields' paths were read from this same data (recordFields): each step is an object or an array.
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

export function isEditable(type: string, path: string[]): boolean {
  return (editable[type] ?? []).some(
    (pattern) => pattern.length === path.length && pattern.every((p, i) => p === path[i] || (p === '#' && isPosition(path[i] ?? ''))),
  );
}

/** The record's fields in its own order; a list of plain values (case numbers, reasons) is one read-only line. */
export function recordFields(type: string, data: Record<string, unknown>): RecordField[] {
  const out: RecordField[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value === undefined) return;
    if (isScalar(value)) {
      // Only text (or an empty value) is typed in; a number or a yes/no here is the hall's own figure.
      out.push({ path, value, editable: (value === null || typeof value === 'string') && isEditable(type, path) });
      return;
    }
    if (Array.isArray(value)) {
      if (value.every(isScalar)) out.push({ path, value: value.map((v) => String(v)).join('、'), editable: false });
      else value.forEach((item, i) => walk(item, [...path, String(i)]));
      return;
    }
    if (typeof value === 'object' && value !== null) for (const [key, v] of Object.entries(value)) walk(v, [...path, key]);
  };
  walk(data, []);
  return out;
}

/** The path as one string, for form state and React keys. */
export const pathKey = (path: string[]): string => path.join('.');

/**
 * The record with the manager's corrections set, or undefined when nothing changed (the record
 * is then resent as the hall has it now). Only editable fields are taken; a field left as it
 * was shown (a masked phone, say) goes back unchanged and the core keeps the original behind it.
 */
export function applyCorrections(type: string, data: Record<string, unknown>, edits: Record<string, string>): Record<string, unknown> | undefined {
  const fields = recordFields(type, data).filter((f) => f.editable);
  const changed = fields.filter((f) => {
    const edit = edits[pathKey(f.path)];
    return edit !== undefined && edit !== (f.value ?? '');
  });
  if (changed.length === 0) return undefined;
  const copy = structuredClone(data);
  for (const f of changed) {
    let node: unknown = copy;
    for (const segment of f.path.slice(0, -1)) node = isRecord(node) ? node[segment] : undefined;
    const last = f.path[f.path.length - 1] ?? '';
    const text = (edits[pathKey(f.path)] ?? '').trim();
    // An emptied optional field goes as "none", not as an empty text.
    if (isRecord(node)) node[last] = text === '' && f.value === null ? null : text;
  }
  return copy;
}
