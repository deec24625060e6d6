import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { adminOnly } from '../api/roles.ts';

const releaseSchema = z.object({
  platform: z.enum(['windows', 'linuxX64', 'linuxArm64']),
  version: z.string(),
  file: z.string(),
  releaseDate: z.string().nullable(),
  installerPresent: z.boolean(),
  sizeBytes: z.number().int().nullable(),
});

/**
 * The administrator's 软件更新 page in either transport: the release folder's listing (the same
 * as GET /api/updates/releases), for the desktop app's windows that talk to the hall over IPC and
 * cannot fetch the HTTP routes (main/server/updates/admin-files.ts).
 */
export const updatesContract = defineMethods({
  'updates/releases': {
    summary: "The hall's version, its release folder and address, and per platform the release it serves (version, installer present or missing).",
    roles: adminOnly,
    input: z.object({}),
    output: z.discriminatedUnion('available', [
      z.object({ available: z.literal(false) }),
      z.object({ available: z.literal(true), hallVersion: z.string(), releasesDir: z.string(), hallUrl: z.string(), releases: z.array(releaseSchema) }),
    ]),
  },
});
