import { z } from 'zod';
import { allRoles, everyone } from '../api/roles.ts';
import { defineMethods } from '../api/method.ts';
import { deviceRoles } from '../api/roles.ts';
import { staffPublicSchema, workNoSchema } from './schemas.ts';

export const whoAmISchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staff: staffPublicSchema }),
  z.object({
    kind: z.literal('device'),
    device: z.object({ id: z.number().int(), name: z.string(), role: z.enum(deviceRoles), counterId: z.number().int().nullable() }),
  }),
]);

export const authContract = defineMethods({
  'auth/login': {
    summary: 'Staff login with work number and password; returns a session token.',
    roles: everyone,
    input: z.object({ workNo: workNoSchema, password: z.string().min(1).max(128) }),
    output: z.object({ token: z.string(), expiresAt: z.string(), staff: staffPublicSchema }),
  },
  'auth/logout': {
    summary: 'Ends the current session.',
    roles: allRoles,
    input: z.object({}),
    output: z.object({}),
  },
  'auth/me': {
    summary: 'The staff member or device behind the current session.',
    roles: allRoles,
    input: z.object({}),
    output: whoAmISchema,
  },
});
