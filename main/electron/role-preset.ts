import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Settings, type SettingsInput, settingsSchema, settingsVersion, saveSettings } from './settings.ts';
import type { Logger } from './logger.ts';
import { hashPin, pinPattern } from './admin-pin.ts';

/**
 * The role given on the command line, for mass deployment (docs/deploy.md): the installer or a
 * shortcut runs `OneWindow.exe --role=kiosk --hall=https://192.168.1.10:4720
 * --hall-certificate=AB:CD:… [--counter=3] [--customer-display=2|none] [--display=2]
 * [--host=0.0.0.0 --port=4720] [--admin-pin=<4-12 digits>] [--printer=<name>]
 * [--start-at-login=yes|no] [--reset-role]`. It is written to settings.json at the first
 * start (the unlock PIN as its scrypt hash only, admin-pin.ts); an existing file wins unless
 * --reset-role says to replace it.
 *
 * Electron's and Chromium's own switches share the command line, hence `strict: false`.
 */
const roleNames: Record<string, Settings['role']> = {
  'hall-server': 'hallServer',
  hallserver: 'hallServer',
  server: 'hallServer',
  counter: 'counter',
  kiosk: 'kiosk',
  board: 'board',
  'manager-desk': 'managerDesk',
  managerdesk: 'managerDesk',
  manager: 'managerDesk',
};

export type RolePreset = { kind: 'none' } | { kind: 'preset'; settings: Settings; reset: boolean } | { kind: 'invalid'; problem: string };

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number`);
  return Number(value);
}

export function parseRolePreset(argv: readonly string[]): RolePreset {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      hall: { type: 'string' },
      'hall-certificate': { type: 'string' },
      counter: { type: 'string' },
      'customer-display': { type: 'string' },
      display: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'reset-role': { type: 'boolean' },
      'admin-pin': { type: 'string' },
      printer: { type: 'string' },
      'start-at-login': { type: 'string' },
    },
  });
  const roleText = text(values.role);
  if (roleText === undefined) return values.role === undefined ? { kind: 'none' } : { kind: 'invalid', problem: '--role needs a value' };
  const role = roleNames[roleText.toLowerCase()];
  if (!role) return { kind: 'invalid', problem: `unknown role ${roleText} (hall-server, counter, kiosk, board, manager-desk)` };
  const reset = values['reset-role'] === true;
  let input: SettingsInput;
  try {
    if (role === 'hallServer') {
      input = {
        version: settingsVersion,
        role,
        ...(text(values.host) ? { host: text(values.host) } : {}),
        ...(text(values.port) ? { port: whole('port', text(values.port)) } : {}),
      };
    } else {
      const hall = text(values.hall);
      if (!hall) return { kind: 'invalid', problem: `--role=${roleText} needs --hall=https://<the hall server>:4720` };
      const client = {
        version: settingsVersion,
        hallUrl: hall,
        ...(text(values['hall-certificate']) ? { hallCertificate: text(values['hall-certificate']) } : {}),
      };
      const customer = text(values['customer-display']);
      if (role === 'counter') {
        input = {
          ...client,
          role,
          ...(text(values.counter) ? { counter: whole('counter', text(values.counter)) } : {}),
          ...(customer === undefined ? {} : { customerDisplay: customer.toLowerCase() === 'none' ? null : whole('customer-display', customer) }),
        };
      } else if (role === 'board') {
        input = { ...client, role, ...(text(values.display) ? { display: whole('display', text(values.display)) } : {}) };
      } else {
        input = { ...client, role };
      }
    }
  } catch (error) {
    return { kind: 'invalid', problem: error instanceof Error ? error.message : String(error) };
  }
  // Every role's unattended-PC settings (settings.ts): the kiosk's or board's unlock PIN, the silent printer, start at login.
  const pin = text(values['admin-pin']);
  if (pin !== undefined && !pinPattern.test(pin)) return { kind: 'invalid', problem: '--admin-pin must be 4 to 12 digits' };
  const atLogin = text(values['start-at-login'])?.toLowerCase();
  if (atLogin !== undefined && atLogin !== 'yes' && atLogin !== 'no') return { kind: 'invalid', problem: '--start-at-login is yes or no' };
  const printer = text(values.printer);
  input = {
    ...input,
    ...(pin ? { adminPinHash: hashPin(pin) } : {}),
    ...(printer ? { printerName: printer } : {}),
    ...(atLogin ? { openAtLogin: atLogin === 'yes' } : {}),
  };
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return { kind: 'invalid', problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ') };
  return { kind: 'preset', settings: parsed.data, reset };
}

/**
 * Writes the command line's role before the settings are read: only when there is no settings
 * file yet, or when --reset-role asks. What it did, for the log.
 */
export function applyRolePreset(file: string, argv: readonly string[], log: Logger): 'written' | 'kept' | 'none' | 'invalid' {
  const preset = parseRolePreset(argv);
  if (preset.kind === 'none') return 'none';
  if (preset.kind === 'invalid') {
    // A mistyped deployment command must not turn the PC into something else: the wizard asks instead.
    log.error({ problem: preset.problem }, 'the role on the command line is not valid; ignored');
    return 'invalid';
  }
  if (existsSync(file) && !preset.reset) {
    log.info({ file, role: preset.settings.role }, 'settings exist: the role on the command line is ignored (add --reset-role to replace them)');
    return 'kept';
  }
  saveSettings(file, preset.settings);
  log.info({ file, role: preset.settings.role }, 'role written from the command line');
  return 'written';
}
