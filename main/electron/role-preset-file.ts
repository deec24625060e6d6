import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from './logger.ts';
import { errorCode } from '../shared/error-code.ts';

/**
 * role-preset.json in the app's resources folder: what the Windows installer was told on its
 * command line (build/installer.nsh, docs/deploy.md), e.g.
 * `{ "role": "counter", "hallUrl": "https://192.168.1.10:4720", "hallCertificate": "AB:…", "counter": 3 }`.
 * It becomes the same flags as `--role=… --hall=…` so one parser (role-preset.ts) decides, and
 * the command line wins: a shortcut or IT's own `--role=` replaces the installer's preset whole.
 */
const presetFileSchema = z.strictObject({
  role: z.string().min(1),
  hallUrl: z.string().min(1).optional(),
  hallCertificate: z.string().min(1).optional(),
  counter: z.number().int().positive().optional(),
  /** For a hall server: the address it listens on (the installer writes 0.0.0.0, the whole LAN). */
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535).optional(),
});

/** The preset file as command-line flags; none when there is no file, or one that cannot be read (logged). */
export function presetFileArgs(file: string, log: Logger): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') log.warn({ err: error, file }, 'role preset unreadable; ignored');
    return [];
  }
  let preset: z.output<typeof presetFileSchema>;
  try {
    // The installer writes ANSI text; a hand-edited file may start with a UTF-8 byte order mark.
    preset = presetFileSchema.parse(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    log.error({ err: error, file }, 'role preset invalid; ignored (the wizard asks)');
    return [];
  }
  return [
    `--role=${preset.role}`,
    ...(preset.hallUrl === undefined ? [] : [`--hall=${preset.hallUrl}`]),
    ...(preset.hallCertificate === undefined ? [] : [`--hall-certificate=${preset.hallCertificate}`]),
    ...(preset.counter === undefined ? [] : [`--counter=${preset.counter}`]),
    ...(preset.host === undefined ? [] : [`--host=${preset.host}`]),
    ...(preset.port === undefined ? [] : [`--port=${preset.port}`]),
  ];
}

/** The flags the role is preset from: the command line's when it names a role, else the preset file's. */
export function withPresetFile(argv: readonly string[], file: string, log: Logger): readonly string[] {
  if (argv.some((arg) => arg === '--role' || arg.startsWith('--role='))) return argv;
  // --reset-role on the command line still applies to the file's role.
  return [...argv, ...presetFileArgs(file, log)];
}
