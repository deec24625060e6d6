import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHall } from '../../main/server/hall.ts';
import { createSecretBox, legacySecretKeyFile, secretKeyFile } from '../../main/utility-link/secret-box.ts';
import { tempDataDir, testHallClock } from './hall-fixture.ts';

let dataDir: string;
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(secretKeyFile(dataDir), { force: true });
});

describe("the hall server keeps its secrets' key outside the data folder", () => {
  it('moves a key an older version left in the data folder out of it at start', async () => {
    dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    const sealed = createSecretBox({ keyFile: legacySecretKeyFile(dataDir) }).seal('telecom-secret');
    const hall = await startHall({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock() });
    await hall.close();
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.key'))).toEqual([]);
    expect(existsSync(secretKeyFile(dataDir))).toBe(true);
    expect(createSecretBox({ keyFile: secretKeyFile(dataDir) }).open(sealed)).toBe('telecom-secret');
  });

  it('refuses to start with a key file inside the data or backup folder', async () => {
    dataDir = tempDataDir();
    await expect(startHall({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock(), secretKeyFile: join(dataDir, 'keys', 'hall.key') })).rejects.toThrow(
      /must not be inside/,
    );
    await expect(
      startHall({
        dataDir,
        port: 0,
        logLevel: 'silent',
        clock: testHallClock(),
        backupDir: join(dataDir, '..', 'bk'),
        secretKeyFile: join(dataDir, '..', 'bk', 'hall.key'),
      }),
    ).rejects.toThrow(/must not be inside/);
  });
});
