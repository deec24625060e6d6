import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings, parseSettings, saveSettings } from './settings.ts';

const log = pino({ level: 'silent' });
const now = new Date('2026-03-01T08:15:00.000Z');
const pin = Array.from({ length: 32 }, () => 'AB').join(':');

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ow-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as unknown;

describe('settings.json version 2', () => {
  it('migrates a version 1 single PC to the hall server role and rewrites the file', () => {
    writeFileSync(file, JSON.stringify({ mode: 'single', host: '0.0.0.0', port: 4730 }));
    const loaded = loadSettings(file, log, now, { env: {} });
    const expected = { version: 2, role: 'hallServer', host: '0.0.0.0', port: 4730 };
    expect(loaded).toEqual({ state: 'ready', settings: expected });
    expect(onDisk()).toEqual(expected);
    // Written by rename: no temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('migrates a version 1 client to a counter, keeping the hall address and the certificate pin', () => {
    writeFileSync(file, JSON.stringify({ mode: 'client', hallUrl: 'https://192.168.1.10:4720/', hallCertificate: pin }));
    const loaded = loadSettings(file, log, now, { env: {} });
    const expected = { version: 2, role: 'counter', hallUrl: 'https://192.168.1.10:4720', hallCertificate: pin };
    expect(loaded).toEqual({ state: 'ready', settings: expected });
    expect(onDisk()).toEqual(expected);
  });

  it('treats a data folder with a hall database but no settings (version 1 wrote none) as the hall server', () => {
    const database = join(dir, 'onewindow.db');
    writeFileSync(database, '');
    expect(loadSettings(file, log, now, { hallDatabase: database, env: {} })).toEqual({
      state: 'ready',
      settings: { version: 2, role: 'hallServer', host: '127.0.0.1', port: 4720 },
    });
    expect(existsSync(file)).toBe(true);
  });

  it('asks for the role on a new PC (no file, no hall database)', () => {
    expect(loadSettings(file, log, now, { hallDatabase: join(dir, 'onewindow.db'), env: {} })).toEqual({ state: 'unset' });
    expect(existsSync(file)).toBe(false);
  });

  it('moves a broken file aside and asks for the role', () => {
    writeFileSync(file, '{"mode":"client","hallUrl":');
    const loaded = loadSettings(file, log, now, { env: {} });
    expect(loaded).toEqual({ state: 'unset', keptAs: join(dir, 'settings.json.broken-20260301T081500Z') });
    expect(readdirSync(dir)).toEqual(['settings.json.broken-20260301T081500Z']);
    expect(readFileSync(join(dir, 'settings.json.broken-20260301T081500Z'), 'utf8')).toBe('{"mode":"client","hallUrl":');
  });

  it('refuses a client role on another PC over plain http, an unknown role and a malformed pin', () => {
    expect(parseSettings(JSON.stringify({ version: 2, role: 'kiosk', hallUrl: 'http://192.168.1.10:4720' })).ok).toBe(false);
    // A name that merely starts like a loopback address is another machine.
    expect(parseSettings(JSON.stringify({ version: 2, role: 'kiosk', hallUrl: 'http://127.example.com:4720' })).ok).toBe(false);
    expect(parseSettings(JSON.stringify({ version: 2, role: 'cashier', hallUrl: 'https://192.168.1.10:4720' })).ok).toBe(false);
    expect(parseSettings(JSON.stringify({ version: 2, role: 'kiosk', hallUrl: 'https://192.168.1.10:4720', hallCertificate: 'AB:CD' })).ok).toBe(false);
    expect(parseSettings(JSON.stringify({ version: 3, role: 'kiosk', hallUrl: 'https://192.168.1.10:4720' })).ok).toBe(false);
  });

  it('reads every role back as saved, and honours ONEWINDOW_PORT on the hall server only', () => {
    const saved = [
      { version: 2, role: 'counter', hallUrl: 'https://hall.local:4720', hallCertificate: pin, counter: 3, customerDisplay: null },
      { version: 2, role: 'kiosk', hallUrl: 'https://hall.local:4720' },
      { version: 2, role: 'board', hallUrl: 'https://hall.local:4720', display: 2 },
      { version: 2, role: 'managerDesk', hallUrl: 'https://hall.local:4720' },
      { version: 2, role: 'hallServer', host: '0.0.0.0', port: 4720, customerDisplay: 2 },
    ] as const;
    for (const settings of saved) {
      saveSettings(file, settings);
      expect(loadSettings(file, log, now, { env: {} })).toEqual({ state: 'ready', settings });
    }
    expect(loadSettings(file, log, now, { env: { ONEWINDOW_PORT: '4999' } })).toMatchObject({ settings: { port: 4999 } });
  });
});
