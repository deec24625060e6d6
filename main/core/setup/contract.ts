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
    output: z.object({
      needsSetup: z.boolean(),
      hallName: z.string().nullable(),
      /** From another PC the first administrator needs the one-time code the hall server printed at start. */
      needsSetupCode: z.boolean(),
    }),
  },
  'setup/createAdmin': {
    summary: "First run only: creates the administrator and names the hall. From this machine, or with the setup code the server printed.",
    roles: everyone,
    input: createAdminInputSchema.extend({ setupCode: z.string().trim().max(20).optional() }),
    output: z.object({ staff: staffPublicSchema }),
  },
});
