import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startHall } from '../../main/server/hall.ts';
import { browseHalls } from '../../main/server/hall-mdns.ts';
import { secretKeyFile } from '../../main/utility-link/secret-box.ts';
import { tempDataDir, testHallClock } from './hall-fixture.ts';

// A real hall on the LAN address (0.0.0.0, HTTPS with its own CA) and real multicast on this machine.
describe('the hall server on the LAN', () => {
  it('is found by mDNS with its port and CA fingerprint while it runs, and not after it closed', async () => {
    const dataDir = tempDataDir();
    const hall = await startHall({ dataDir, host: '0.0.0.0', port: 0, logLevel: 'silent', clock: testHallClock() });
    const port = new URL(hall.url).port;
    try {
      // Busy CI machines answer late: wait up to 5 s, stopping as soon as the hall is there.
      const found = await browseHalls(5000, { enough: (halls) => halls.some((h) => new URL(h.url).port === port) });
      const mine = found.filter((h) => new URL(h.url).port === port);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine[0]?.fingerprint).toBe(hall.certificate.caFingerprint);
      // Not set up yet: no hall name, so the PC's.
      expect(mine[0]?.name).toBe(hostname());
    } finally {
      await hall.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(secretKeyFile(dataDir), { force: true });
    }
    const after = await browseHalls(400);
    expect(after.filter((h) => new URL(h.url).port === port)).toEqual([]);
  }, 30_000);

  it('is not announced on loopback', async () => {
    const dataDir = tempDataDir();
    const hall = await startHall({ dataDir, host: '127.0.0.1', port: 0, logLevel: 'silent', clock: testHallClock(), tls: { kind: 'own' } });
    const port = new URL(hall.url).port;
    try {
      expect((await browseHalls(600)).filter((h) => new URL(h.url).port === port)).toEqual([]);
    } finally {
      await hall.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(secretKeyFile(dataDir), { force: true });
    }
  }, 30_000);
});
