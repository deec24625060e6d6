import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRolePreset, parseRolePreset } from './role-preset.ts';

const log = pino({ level: 'silent' });
const pin = Array.from({ length: 32 }, () => 'AB').join(':');
// What Electron's process.argv looks like: the executable, then Chromium's switches mixed in.
const exe = ['C:\\Program Files\\OneWindow\\OneWindow.exe', '--no-sandbox-not-really', '--lang=zh-CN'];

describe('the role on the command line', () => {
  it('reads a kiosk, a counter with its window and customer display, a board and the hall server', () => {
    expect(parseRolePreset([...exe, '--role=kiosk', '--hall=https://192.168.1.10:4720', `--hall-certificate=${pin}`])).toEqual({
      kind: 'preset',
      reset: false,
      settings: { version: 2, role: 'kiosk', hallUrl: 'https://192.168.1.10:4720', hallCertificate: pin },
    });
    expect(parseRolePreset([...exe, '--role=counter', '--hall', 'https://192.168.1.10:4720/', '--counter=3', '--customer-display=2'])).toMatchObject({
      settings: { role: 'counter', hallUrl: 'https://192.168.1.10:4720', counter: 3, customerDisplay: 2 },
    });
    expect(parseRolePreset([...exe, '--role=counter', '--hall=https://h:4720', '--customer-display=none'])).toMatchObject({
      settings: { customerDisplay: null },
    });
    expect(parseRolePreset([...exe, '--role=board', '--hall=https://h:4720', '--display=2'])).toMatchObject({ settings: { role: 'board', display: 2 } });
    expect(parseRolePreset([...exe, '--role=manager-desk', '--hall=https://h:4720'])).toMatchObject({ settings: { role: 'managerDesk' } });
    expect(parseRolePreset([...exe, '--role=hall-server', '--host=0.0.0.0', '--reset-role'])).toEqual({
      kind: 'preset',
      reset: true,
      settings: { version: 2, role: 'hallServer', host: '0.0.0.0', port: 4720 },
    });
  });

  it('is absent without --role, and refuses a client role without a hall, plain http to another PC, a bad pin or number', () => {
    expect(parseRolePreset(exe)).toEqual({ kind: 'none' });
    expect(parseRolePreset([...exe, '--role=kiosk']).kind).toBe('invalid');
    expect(parseRolePreset([...exe, '--role=kiosk', '--hall=http://192.168.1.10:4720']).kind).toBe('invalid');
    expect(parseRolePreset([...exe, '--role=kiosk', '--hall=https://h:4720', '--hall-certificate=AB:CD']).kind).toBe('invalid');
    expect(parseRolePreset([...exe, '--role=counter', '--hall=https://h:4720', '--counter=three']).kind).toBe('invalid');
    expect(parseRolePreset([...exe, '--role=cashier', '--hall=https://h:4720']).kind).toBe('invalid');
  });
});

describe('the command line and an existing settings file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ow-preset-'));
    file = join(dir, 'settings.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const kiosk = [...exe, '--role=kiosk', '--hall=https://192.168.1.10:4720'];

  it('writes the role at the first start', () => {
    expect(applyRolePreset(file, kiosk, log)).toBe('written');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 2, role: 'kiosk', hallUrl: 'https://192.168.1.10:4720' });
  });

  it('keeps existing settings, unless --reset-role', () => {
    const existing = JSON.stringify({ version: 2, role: 'board', hallUrl: 'https://192.168.1.10:4720' });
    writeFileSync(file, existing);
    expect(applyRolePreset(file, kiosk, log)).toBe('kept');
    expect(readFileSync(file, 'utf8')).toBe(existing);
    expect(applyRolePreset(file, [...kiosk, '--reset-role'], log)).toBe('written');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ role: 'kiosk' });
  });

  it('writes nothing for an invalid role, even with --reset-role', () => {
    writeFileSync(file, '{"version":2,"role":"managerDesk","hallUrl":"https://h:4720"}');
    expect(applyRolePreset(file, [...exe, '--role=kiosk', '--reset-role'], log)).toBe('invalid');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ role: 'managerDesk' });
  });
});
