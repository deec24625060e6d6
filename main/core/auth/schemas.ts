import { z } from 'zod';
import { staffRoles } from '../api/roles.ts';

export const workNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,20}$/, { message: 'field.workNoFormat' });

export const personNameSchema = z.string().trim().min(1).max(40);

export const passwordSchema = z
  .string()
  .min(8)
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'field.passwordWeak' });

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
