import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { isLoopbackHost } from '../core/api/loopback.ts';
import { pinHashPattern } from './admin-pin.ts';
import type { Logger } from './logger.ts';
import { errorCode } from '../shared/error-code.ts';

/**
 * settings.json in the app's data folder: what this PC is in the hall (docs/deploy.md, "Roles
 * per PC"). Version 2 names a role: the hall server itself (`hallServer`: the hall runs inside
 * the app, as a counter PC too), a `counter`, a `kiosk`, a calling `board` or a `managerDesk`;
 * every role but the hall server is a screen of the hall elsewhere on the LAN and keeps its
 * address and the fingerprint of its CA (hall-pin.ts). No file: the first-start wizard asks.
 *
 * Version 1 files (`{ mode: 'single', host, port }` or `{ mode: 'client', hallUrl, hallCertificate }`)
 * are read once and rewritten as version 2: a PC already in service keeps working.
 */
export const settingsVersion = 2 as const;

export const roles = ['hallServer', 'counter', 'kiosk', 'board', 'managerDesk'] as const;
export type Role = (typeof roles)[number];

const isLoopbackUrl = (url: string): boolean => isLoopbackHost(new URL(url).hostname);

export const hallUrlSchema = z
  .url({ protocol: /^https?$/ })
  .transform((url) => url.replace(/\/+$/, ''))
  // Over the LAN only TLS: plain http:// is for a hall on this very PC.
  .refine((url) => url.startsWith('https:') || isLoopbackUrl(url), { message: 'a hall on another PC is reached over https://' });

/** The hall CA's SHA-256 fingerprint, as the hall's console, /trust page and devices page show it. */
export const fingerprintSchema = z.string().regex(/^(sha256[/:]?)?([0-9a-f]{2}:?){32}$/i);

const displayId = z.number().int().nonnegative();
const hallPort = z.number().int().min(0).max(65535);

const client = {
  version: z.literal(settingsVersion),
  hallUrl: hallUrlSchema,
  /** The only authority this PC trusts for the hall (hall-pin.ts); absent: one the OS trusts (--tls-cert). */
  hallCertificate: fingerprintSchema.optional(),
};

/**
 * Where the customer's rating screen goes: a display id, `null` for none, absent for "the
 * display that is not the primary one, if there is one" (what version 1 did).
 */
const customerDisplay = displayId.nullable().optional();

/**
 * Every role's unattended-PC settings (docs/deploy.md, "Unattended PCs"): the administrator's
 * unlock PIN of a locked kiosk or board as its scrypt hash (admin-pin.ts), the printer tickets
 * and receipts go to when no ESC/POS printer took them (absent: the system's default), and
 * whether the app starts at login (absent: the role decides, unattended-power.ts).
 */
const unattended = {
  adminPinHash: z.string().regex(pinHashPattern).optional(),
  printerName: z.string().min(1).max(200).optional(),
  openAtLogin: z.boolean().optional(),
};

export const settingsSchema = z.discriminatedUnion('role', [
  z.object({
    version: z.literal(settingsVersion),
    role: z.literal('hallServer'),
    /** 0.0.0.0 lets the hall's other PCs and devices reach this one. */
    host: z.string().min(1).default('127.0.0.1'),
    port: hallPort.default(4720),
    customerDisplay,
    ...unattended,
  }),
  z.object({ ...client, ...unattended, role: z.literal('counter'), counter: z.number().int().positive().optional(), customerDisplay }),
  z.object({ ...client, ...unattended, role: z.literal('kiosk') }),
  /** The calling board fills the display chosen (absent: the primary one). */
  z.object({ ...client, ...unattended, role: z.literal('board'), display: displayId.optional() }),
  z.object({ ...client, ...unattended, role: z.literal('managerDesk') }),
]);
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

const v1Schema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('single'), host: z.string().min(1).default('127.0.0.1'), port: hallPort.default(4720) }),
  z.object({ mode: z.literal('client'), hallUrl: hallUrlSchema, hallCertificate: fingerprintSchema.optional() }),
]);

/** A version 1 file in version 2's words: single → hallServer, client → counter (the only client v1 had). */
export function migrateV1(v1: z.output<typeof v1Schema>): Settings {
  if (v1.mode === 'single') return { version: settingsVersion, role: 'hallServer', host: v1.host, port: v1.port };
  return { version: settingsVersion, role: 'counter', hallUrl: v1.hallUrl, ...(v1.hallCertificate ? { hallCertificate: v1.hallCertificate } : {}) };
}

/** What a file's text holds: version 2 settings, version 1 ones migrated, or nothing usable. */
export function parseSettings(text: string): { ok: true; settings: Settings; migrated: boolean } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'not JSON' };
  }
  const isV1 = typeof json === 'object' && json !== null && !('version' in json) && 'mode' in json;
  if (isV1) {
    const v1 = v1Schema.safeParse(json);
    return v1.success ? { ok: true, settings: migrateV1(v1.data), migrated: true } : { ok: false, reason: z.prettifyError(v1.error) };
  }
  const v2 = settingsSchema.safeParse(json);
  return v2.success ? { ok: true, settings: v2.data, migrated: false } : { ok: false, reason: z.prettifyError(v2.error) };
}

/** Written beside and renamed over: a power cut mid-write leaves the old file or the new, never half of one. */
export function saveSettings(file: string, settings: Settings): void {
  const parsed = settingsSchema.parse(settings);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(parsed, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

export type LoadedSettings =
  | { state: 'ready'; settings: Settings }
  /** No role yet: the wizard asks. `keptAs` names where a broken file was moved, for the log and the wizard. */
  | { state: 'unset'; keptAs?: string };

/** `settings.json` → `settings.json.broken-20260301T081500Z`: kept for hall IT to look at, out of the way of the wizard. */
export const brokenName = (file: string, now: Date) => `${file}.broken-${now.toISOString().replace(/[-:]|\.\d+/g, '')}`;

/**
 * Reads the settings. A version 1 file is migrated and rewritten; a broken file is moved aside
 * and the PC treated as new (the wizard), never silently run as something it was not set up as.
 * `hallDatabase`: the hall's database file in this data folder, whose presence without any
 * settings file marks a version 1 single PC.
 */
export function loadSettings(file: string, log: Logger, now: Date, options: { hallDatabase?: string; env?: NodeJS.ProcessEnv } = {}): LoadedSettings {
  const env = options.env ?? process.env;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') {
      log.warn({ err: error, file }, 'settings unreadable; asking for the role');
      return { state: 'unset' };
    }
    // Version 1 wrote no file for a single PC: a hall database here means this PC already is the hall.
    if (!options.hallDatabase || !existsSync(options.hallDatabase)) return { state: 'unset' };
    raw = JSON.stringify({ mode: 'single' });
  }
  const parsed = parseSettings(raw);
  if (!parsed.ok) {
    const keptAs = brokenName(file, now);
    try {
      renameSync(file, keptAs);
    } catch (error) {
      log.error({ err: error, file }, 'broken settings could not be moved aside');
      return { state: 'unset' };
    }
    log.warn({ file, keptAs, reason: parsed.reason }, 'settings broken: kept aside; asking for the role');
    return { state: 'unset', keptAs };
  }
  let settings = parsed.settings;
  if (parsed.migrated) {
    try {
      saveSettings(file, settings);
      log.info({ file, role: settings.role }, 'settings migrated to version 2');
    } catch (error) {
      // Still usable this time; the migration is tried again at the next start.
      log.warn({ err: error, file }, 'migrated settings could not be written');
    }
  }
  // The same override the headless hall server honours (npm run hall, tests).
  const envPort = env.ONEWINDOW_PORT === undefined ? undefined : Number(env.ONEWINDOW_PORT);
  if (settings.role === 'hallServer' && envPort !== undefined && Number.isInteger(envPort) && envPort >= 0 && envPort <= 65535) {
    settings = { ...settings, port: envPort };
  }
  return { state: 'ready', settings };
}
