/**
 * An audit entry's before and after as a manager reads them: one line per field that
 * changed (field: 旧值 → 新值), nested records flattened to their fields, lists joined.
 * No JSON reaches the screen; the labels and the value words are the caller's (translated).
 */

export type AuditValue = string | number | boolean | null;
export type AuditChange = { path: string[]; before: AuditValue | undefined; after: AuditValue | undefined };

/** How a list of plain values is shown as one value: 窗口人员、大厅管理员. */
export const JOINED = '、';

const isScalar = (v: unknown): v is AuditValue => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The leaves of a recorded value by their path; a list of plain values is one leaf (its items joined). */
function leaves(value: unknown, path: string[], out: Map<string, { path: string[]; value: AuditValue }>): void {
  if (value === undefined) return;
  if (isScalar(value)) {
    out.set(path.join('\u0000'), { path, value });
    return;
  }
  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      out.set(path.join('\u0000'), { path, value: value.map((v) => String(v)).join(JOINED) });
      return;
    }
    value.forEach((item, i) => leaves(item, [...path, String(i)], out));
    return;
  }
  if (typeof value === 'object') for (const [key, v] of Object.entries(value)) leaves(v, [...path, key], out);
}

/** The fields that differ between before and after, in the after record's order (then what was removed). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = new Map<string, { path: string[]; value: AuditValue }>();
  const now = new Map<string, { path: string[]; value: AuditValue }>();
  leaves(before, [], was);
  leaves(after, [], now);
  const changes: AuditChange[] = [];
  for (const [key, { path, value }] of now) {
    const old = was.get(key);
    if (old && old.value === value) continue;
    changes.push({ path, before: old?.value, after: value });
  }
  for (const [key, { path, value }] of was) if (!now.has(key)) changes.push({ path, before: value, after: undefined });
  return changes;
}

/** The translation key of an action code (dots become underscores: keys nest on dots, and 'staff.update' is also the start of 'staff.update.password'). */
export const actionKey = (action: string): string => action.replace(/\./g, '_');

/** A field name's translation key, or undefined for a list position (shown as its number). */
export const fieldKey = (segment: string): string | undefined => (/^\d+$/.test(segment) ? undefined : segment);
