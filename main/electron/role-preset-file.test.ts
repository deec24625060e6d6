import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRolePreset } from './role-preset.ts';
import { presetFileArgs, withPresetFile } from './role-preset-file.ts';

const log = pino({ level: 'silent' });
const pin = Array.from({ length: 32 }, () => 'CD').join(':');
const exe = ['C:\\Program Files\\OneWindow\\OneWindow.exe', '--lang=zh-CN'];

describe('role-preset.json written by the Windows installer', () => {
  let dir: string;
  let presetFile: string;
  let settingsFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-preset-'));
    presetFile = join(dir, 'role-preset.json');
    settingsFile = join(dir, 'settings.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('becomes the settings at the first start, as installer.nsh writes it (ANSI, CRLF)', () => {
    // Byte for byte what the installer's FileWrite lines produce for /ROLE=counter /HALL=… /HALLCERT=… /COUNTER=3.
    writeFileSync(presetFile, `{ "role": "counter", "hallUrl": "https://192.168.1.10:4720", "hallCertificate": "${pin}", "counter": 3 }\r\n`, 'latin1');
    expect(applyRolePreset(settingsFile, withPresetFile(exe, presetFile, log), log)).toBe('written');
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({
      role: 'counter',
      hallUrl: 'https://192.168.1.10:4720',
      hallCertificate: pin,
      counter: 3,
    });
  });

  it('makes a hall server listen on the LAN when the installer says so', () => {
    writeFileSync(presetFile, '{ "role": "hallServer", "host": "0.0.0.0" }\r\n');
    expect(applyRolePreset(settingsFile, withPresetFile(exe, presetFile, log), log)).toBe('written');
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ role: 'hallServer', host: '0.0.0.0', port: 4720 });
  });

  it('gives way to a role on the command line, and to settings the PC already has', () => {
    writeFileSync(presetFile, '{ "role": "kiosk", "hallUrl": "https://192.168.1.10:4720" }');
    const argv = [...exe, '--role=board', '--hall=https://192.168.1.11:4720'];
    expect(withPresetFile(argv, presetFile, log)).toEqual(argv);
    writeFileSync(settingsFile, JSON.stringify({ version: 2, role: 'counter', hallUrl: 'https://192.168.1.10:4720', counter: 1 }));
    expect(applyRolePreset(settingsFile, withPresetFile(exe, presetFile, log), log)).toBe('kept');
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ role: 'counter', counter: 1 });
  });

  it('is nothing when absent or not a preset (no half-read role)', () => {
    expect(presetFileArgs(presetFile, log)).toEqual([]);
    for (const text of [
      '{ "role": "kiosk", ',
      '{ "role": "kiosk", "hallUrl": "https://h:4720", "extra": 1 }',
      '{ "counter": 3 }',
      '{ "role": "counter", "counter": "3" }',
    ]) {
      writeFileSync(presetFile, text);
      expect(presetFileArgs(presetFile, log), text).toEqual([]);
    }
    expect(withPresetFile(exe, presetFile, log)).toEqual(exe);
  });
});
