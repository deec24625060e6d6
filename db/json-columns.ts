import { z } from 'zod';

/**
 * The JSON the hall keeps in a column (a list of roles, of utilities, a rating's matters), read
 * back through a schema instead of asserted: a damaged value fails here, naming what it expected,
 * instead of somewhere downstream as undefined.
 */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}

/** JSON kept as written, for a caller that shows it as it is (an audit entry's before and after): `unknown`, never `any`. */
export function parseJsonValue(text: string): unknown {
  return JSON.parse(text);
}

export const stringList = z.array(z.string());
export const numberList = z.array(z.number());
/** A JSON object of any fields (a record as queued for a utility). */
export const jsonObject = z.record(z.string(), z.unknown());
