import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from './logger.ts';

/**
 * settings.json in the app's data folder. Absent: this PC is the whole hall
 * ("single": the hall server runs inside the app). `{ "mode": "client", "hallUrl": ... }`
 * makes it a screen of a hall server elsewhere on the LAN.
 */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

const settingsSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('single'),
    /** 0.0.0.0 lets the hall's other PCs and devices reach this one. */
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4720),
  }),
  z
    .object({
      mode: z.literal('client'),
      hallUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
      /**
       * The hall CA's SHA-256 fingerprint (shown on the hall's console, its 证书 page and the
       * manager's devices page): the only authority this PC trusts for the hall (hall-pin.ts).
       */
      hallCertificate: z
        .string()
        .regex(/^(sha256[/:]?)?([0-9a-f]{2}:?){32}$/i)
        .optional(),
    })
    // Over the LAN only TLS: plain http:// is for a hall on this very PC.
    .refine((s) => s.hallUrl.startsWith('https:') || isLoopbackUrl(s.hallUrl), { message: 'a hall on another PC is reached over https://', path: ['hallUrl'] }),
]);

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = { mode: 'single', host: '127.0.0.1', port: 4720 };

/** Reads the settings; a missing file means the defaults, a bad one is logged and ignored. */
export function loadSettings(file: string, log: Logger, env: NodeJS.ProcessEnv = process.env): Settings {
  let raw: string | undefined;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') log.warn({ err: error, file }, 'settings unreadable; running as a single PC');
  }
  let settings = defaultSettings;
  if (raw !== undefined) {
    try {
      settings = settingsSchema.parse(JSON.parse(raw));
    } catch (error) {
      log.warn({ err: error, file }, 'settings invalid; running as a single PC');
    }
  }
  // The same override the headless hall server honours (npm run hall, tests).
  const envPort = env.ONEWINDOW_PORT === undefined ? undefined : Number(env.ONEWINDOW_PORT);
  if (settings.mode === 'single' && envPort !== undefined && Number.isInteger(envPort) && envPort >= 0 && envPort <= 65535) {
    settings = { ...settings, port: envPort };
  }
  return settings;
}
