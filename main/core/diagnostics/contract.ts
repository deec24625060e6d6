import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { adminOnly } from '../api/roles.ts';

/**
 * 导出诊断信息 as data, for the desktop app's windows that talk to the hall over IPC and cannot
 * fetch the HTTP route (main/server/updates/admin-files.ts); the zip comes from the updates port.
 */
export const diagnosticsContract = defineMethods({
  'diagnostics/export': {
    summary:
      'The diagnostics zip (logs, versions, settings without secrets, schema and devices; no personal data) as base64, with the newest logs up to a limit; audited.',
    roles: adminOnly,
    input: z.object({}),
    output: z.discriminatedUnion('available', [
      z.object({ available: z.literal(false) }),
      z.object({
        available: z.literal(true),
        fileName: z.string(),
        zipBase64: z.string(),
        logFiles: z.number().int(),
        logFilesLeftOut: z.number().int(),
        logLimitBytes: z.number().int(),
      }),
    ]),
  },
});
