import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKeyFile } from '../../main/utility-link/secret-box.ts';
import { createAdmin, login, pairDevice, startTestHall, type TestHall } from './hall-fixture.ts';

// `npm run diagnostics` on a real hall's data folder: a real database with a paired device and
// log files in which a citizen's ID number, mobile number and name were written.

const cli = resolve(fileURLToPath(import.meta.url), '../../../main/server/diagnostics-cli.ts');
const ID = '110101199003077758';
const PHONE = '13812345678';
const NAME = '王小明';
let hall: TestHall;
let out: string;

beforeAll(async () => {
  hall = await startTestHall();
  const token = await login(hall.url, await createAdmin(hall.url));
  await pairDevice(hall.url, token, 'kiosk');
  await hall.close();
  mkdirSync(join(hall.dataDir, 'logs'));
  writeFileSync(
    join(hall.dataDir, 'logs', 'onewindow.log'),
    `{"level":30,"service":"hall","msg":"intake saved","customerName":"${NAME}"}\n{"level":40,"msg":"sms to ${PHONE} failed for ${ID}"}\n`,
  );
  writeFileSync(join(hall.dataDir, 'logs', 'onewindow.log.1'), `{"level":30,"msg":"started","port":4720}\n`);
  writeFileSync(
    join(hall.dataDir, 'settings.json'),
    JSON.stringify({ version: 2, role: 'kiosk', hallUrl: 'https://hall:4720', adminPin: { hash: 'scrypt$abc', salt: 'zz' } }),
  );
  out = join(hall.dataDir, 'diagnostics.zip');
  await promisify(execFile)(process.execPath, [cli, '--data', hall.dataDir, '--out', out]);
}, 60_000);
afterAll(() => {
  rmSync(hall.dataDir, { recursive: true, force: true });
  rmSync(secretKeyFile(hall.dataDir), { force: true });
});

describe('npm run diagnostics', () => {
  it('writes a zip with the logs, versions, settings and the hall’s schema and devices', () => {
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['about.json', 'hall.json', 'logs/onewindow.log', 'logs/onewindow.log.1', 'settings.json', 'versions.json']);
    expect(JSON.parse(strFromU8(files['versions.json']!))).toMatchObject({ app: expect.any(String), node: process.versions.node, os: expect.any(String) });
    const facts = JSON.parse(strFromU8(files['hall.json']!)) as { schemaVersion: number; devices: Array<Record<string, unknown>> };
    expect(facts.schemaVersion).toBeGreaterThanOrEqual(15);
    expect(facts.devices).toEqual([expect.objectContaining({ role: 'kiosk' })]);
    expect(facts.devices[0]).not.toHaveProperty('name');
    expect(JSON.parse(strFromU8(files['settings.json']!))).toEqual({ version: 2, role: 'kiosk', hallUrl: 'https://hall:4720', adminPin: '[removed]' });
  });

  it('holds no ID number, phone number, name or PIN hash that was in the data folder', () => {
    const text = Object.values(unzipSync(readFileSync(out)))
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    for (const secret of [ID, PHONE, NAME, 'scrypt$abc']) expect(text).not.toContain(secret);
    expect(text).toContain('sms to [phone] failed for [id-number]');
  });
});
