import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { everyone } from '../api/roles.ts';
import { passwordSchema, personNameSchema, staffPublicSchema, workNoSchema } from '../auth/schemas.ts';

export const createAdminInputSchema = z.object({
  hallName: z.string().trim().min(1).max(60),
  workNo: workNoSchema,
  name: personNameSchema,
  password: passwordSchema,
});

export const setupContract = defineMethods({
  'setup/status': {
    summary: 'Whether the hall still needs its first administrator, and its name.',
    roles: everyone,
    input: z.object({}),
    output: z.object({ needsSetup: z.boolean(), hallName: z.string().nullable() }),
  },
  'setup/createAdmin': {
    summary: 'First run only: creates the administrator and names the hall.',
    roles: everyone,
    input: createAdminInputSchema,
    output: z.object({ staff: staffPublicSchema }),
  },
});
