import { z } from 'zod';
import { staffRoles } from '../api/roles.ts';
import { isTrivialPassword } from './common-passwords.ts';

export const workNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,20}$/, { message: 'field.workNoFormat' });

/**
 * Names show on screens, receipts and the board: no control characters (NUL, line breaks a
 * forged CSV or log line would use) and no bidirectional overrides that make a name read
 * differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_TEXT = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
export const safeText = (value: string) => !UNSAFE_TEXT.test(value);

export const personNameSchema = z.string().trim().min(1).max(40).refine(safeText, { message: 'field.unsafeCharacters' });

/** Twelve characters or more, letters and digits, and not one of the passwords every guessing list starts with. */
export const passwordSchema = z
  .string()
  .min(12, { message: 'field.passwordTooShort' })
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'field.passwordWeak' })
  .refine((p) => !isTrivialPassword(p), { message: 'field.passwordCommon' });

export const staffRoleSchema = z.enum(staffRoles);

export const staffPublicSchema = z.object({
  id: z.number().int(),
  workNo: z.string(),
  name: z.string(),
  roles: z.array(staffRoleSchema),
  active: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export type StaffPublic = z.output<typeof staffPublicSchema>;
