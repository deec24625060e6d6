import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { redactPersonalData, withoutSecrets } from './redact.ts';

export type DiagnosticsInput = {
  /** Log files to include (missing ones are skipped), each scanned for personal data. */
  logFiles: readonly string[];
  /** App, Electron, Chrome, Node, OS … */
  versions: Record<string, string>;
  /** The PC's settings (settings.json); secrets are removed here whatever the caller passed. */
  settings?: unknown;
  /** The hall database's schema version and its devices, when this PC holds the hall. */
  hall?: { schemaVersion: number; devices: ReadonlyArray<{ id: number; role: string; counterId: number | null; pairedAt: string; revokedAt: string | null }> };
  /** When the zip was made (the hall clock's time). */
  at: Date;
};

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * "导出诊断信息": one zip for support with the logs, versions, settings and the hall's schema and
 * devices, and nothing personal — no ID or phone number, no name, no secret (redact.ts).
 */
export function buildDiagnosticsZip(input: DiagnosticsInput): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'about.json': json({ madeAt: input.at.toISOString(), note: 'OneWindow diagnostics: personal data (ID numbers, phone numbers, names) and secrets removed' }),
    'versions.json': json(input.versions),
  };
  if (input.settings !== undefined) files['settings.json'] = json(withoutSecrets(input.settings));
  if (input.hall) {
    // Devices by role and counter only: their names are whatever the manager typed, which may name a person.
    files['hall.json'] = json({
      schemaVersion: input.hall.schemaVersion,
      devices: input.hall.devices.map(({ id, role, counterId, pairedAt, revokedAt }) => ({ id, role, counterId, pairedAt, revokedAt })),
    });
  }
  for (const file of input.logFiles) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    files[`logs/${basename(file)}`] = strToU8(redactPersonalData(text));
  }
  return zipSync(files, { level: 6, mtime: input.at });
}
