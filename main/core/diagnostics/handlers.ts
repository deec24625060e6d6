import { auditChange } from '../audit/record.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { diagnosticsContract } from './contract.ts';

export function diagnosticsHandlers(deps: CoreDeps): HandlersFor<typeof diagnosticsContract> {
  const { clock, ports } = deps;
  return {
    'diagnostics/export': (_input, { caller }) => {
      if (!ports.updates) return { available: false };
      const now = clock.now();
      const made = ports.updates.diagnostics(now);
      // The same trail as the HTTP export: who took the hall's logs away, and when.
      auditChange(deps, caller, {
        at: now.toISOString(),
        action: 'diagnostics.export',
        target: 'diagnostics',
        after: { logFiles: made.logFiles, logFilesLeftOut: made.logFilesLeftOut },
      });
      return {
        available: true,
        fileName: made.fileName,
        zipBase64: Buffer.from(made.zip).toString('base64'),
        logFiles: made.logFiles,
        logFilesLeftOut: made.logFilesLeftOut,
        logLimitBytes: made.logLimitBytes,
      };
    },
  };
}
