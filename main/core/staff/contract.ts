import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { managers } from '../api/roles.ts';
import { passwordSchema, personNameSchema, staffPublicSchema, staffRoleSchema, workNoSchema } from '../auth/schemas.ts';

export const staffContract = defineMethods({
  'staff/list': {
    summary: 'All staff accounts.',
    roles: managers,
    input: z.object({}),
    output: z.array(staffPublicSchema),
  },
  'staff/create': {
    summary: 'Creates a staff account. Only an administrator may grant the admin role.',
    roles: managers,
    input: z.object({
      workNo: workNoSchema,
      name: personNameSchema,
      password: passwordSchema,
      roles: z.array(staffRoleSchema).min(1),
    }),
    output: staffPublicSchema,
  },
  'staff/update': {
    summary: 'Renames, changes roles, (de)activates, unlocks or resets the password of an account.',
    roles: managers,
    input: z.object({
      id: z.number().int().positive(),
      name: personNameSchema.optional(),
      roles: z.array(staffRoleSchema).min(1).optional(),
      active: z.boolean().optional(),
      password: passwordSchema.optional(),
      /** Clears a lockout after too many wrong passwords before it runs out by itself. */
      unlock: z.literal(true).optional(),
    }),
    output: staffPublicSchema,
  },
});
