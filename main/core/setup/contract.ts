import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { everyone, managers } from '../api/roles.ts';
import { passwordSchema, personNameSchema, staffPublicSchema, workNoSchema } from '../auth/schemas.ts';

export const createAdminInputSchema = z.object({
  hallName: z.string().trim().min(1).max(60),
  workNo: workNoSchema,
  name: personNameSchema,
  password: passwordSchema,
});

/** What a new hall still lacks before it can serve: read from the hall's own data, never ticked by hand (except the hours, which only a person can vouch for). */
export const checklistSchema = z.object({
  /** Active accounts that can serve at a counter. */
  clerks: z.number().int(),
  /** Paired, not revoked devices by role. */
  kiosks: z.number().int(),
  displays: z.number().int(),
  rateScreens: z.number().int(),
  /** Rating screens not bound to a counter: they can neither collect a signature nor a rating. */
  rateScreensUnbound: z.number().int(),
  /** When a manager last confirmed the categories and their hours (ISO), or null. */
  hoursConfirmedAt: z.string().nullable(),
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
    summary: 'First run only: creates the administrator and names the hall. From this machine, or with the setup code the server printed.',
    roles: everyone,
    input: createAdminInputSchema.extend({ setupCode: z.string().trim().max(20).optional() }),
    output: z.object({ staff: staffPublicSchema }),
  },
  'setup/checklist': {
    summary: "The manager desk's first-run checklist: staff, devices by role, unbound rating screens, whether the hours were confirmed.",
    roles: managers,
    input: z.object({}),
    output: checklistSchema,
  },
  'setup/confirmHours': {
    summary: "A manager confirms the categories and their opening hours are the hall's own; audited.",
    roles: managers,
    input: z.object({}),
    output: checklistSchema,
  },
});
