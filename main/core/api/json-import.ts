import type { z } from 'zod';
import type { FieldError, Result } from './errors.ts';
import { zodIssuesToFields } from './registry.ts';

/**
 * Where in an uploaded file a problem is, readable by the manager who edited it: array items
 * that carry a code are named by it, so "businesses.17.fees.0.priceFen" reads
 * "businesses[gasMeterTest].fees[meterTestFee].priceFen".
 */
export function readablePath(input: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = input;
  let out = '';
  for (const key of path) {
    const next: unknown = node !== null && typeof node === 'object' ? Reflect.get(node, key) : undefined;
    if (typeof key === 'number') {
      const code = next !== null && typeof next === 'object' && 'code' in next && typeof next.code === 'string' ? next.code : undefined;
      out += `[${code ?? key}]`;
    } else {
      out += out === '' ? String(key) : `.${String(key)}`;
    }
    node = next;
  }
  return out;
}

/**
 * Parses a JSON file's text and validates it. A file that is not JSON at all is `malformed`;
 * one that is JSON but breaks the schema is `validation`, with one field error per problem,
 * each with its readable path in `params.where`.
 */
export function parseJsonImport<S extends z.ZodType>(text: string, schema: S, messageKey: string): Result<z.output<S>> {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, '')); // files saved by Windows Notepad start with a BOM
  } catch {
    return { ok: false, error: { code: 'malformed', messageKey: 'errors.intake.fileNotJson' } };
  }
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: FieldError[] = zodIssuesToFields(parsed.error.issues).map((field, i) => ({
    ...field,
    params: { ...field.params, where: readablePath(input, parsed.error.issues[i]?.path ?? []) },
  }));
  return { ok: false, error: { code: 'validation', messageKey, details: { fields } } };
}
