import { createServer } from 'node:https';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type RunningHall } from '../server/hall.ts';
import { secretKeyFile } from '../utility-link/secret-box.ts';
import { PASSWORD, tempDataDir, testHallClock } from '../../test/integration/hall-fixture.ts';
import { loadOrCreateHallTls } from '../server/tls/hall-certificates.ts';
import { hallPost, HallUnreachable, probeHall } from './hall-probe.ts';

// A real hall over HTTPS with its own CA on 127.0.0.1 (the CA the wizard shows and pins),
// and a second real HTTPS server with another CA claiming the first one's fingerprint.
let hall: RunningHall;
let dataDir: string;
let impostorDir: string;
let impostor: ReturnType<typeof createServer>;
let impostorUrl: string;
const now = () => testHallClock().now();

beforeAll(async () => {
  dataDir = tempDataDir();
  hall = await startHall({ dataDir, host: '127.0.0.1', port: 0, logLevel: 'silent', clock: testHallClock(), tls: { kind: 'own' }, advertise: false });
  const setup = await hallPost(
    hall.url,
    'setup/createAdmin',
    { hallName: 'Test hall', workNo: 'A0001', name: 'Admin', password: PASSWORD },
    { kind: 'pin', pin: hall.certificate.caFingerprint ?? '' },
    now(),
  );
  if ((setup.body as { ok?: boolean }).ok !== true) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  impostorDir = tempDataDir();
  const tls = loadOrCreateHallTls({ dir: impostorDir, names: ['localhost', '127.0.0.1'], now: now(), hallName: 'impostor' });
  impostor = createServer({ key: tls.key, cert: tls.cert }, (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, value: { https: true, caFingerprint: hall.certificate.caFingerprint, caThumbprint: null, validUntil: null } }));
  });
  await new Promise<void>((done) => impostor.listen(0, '127.0.0.1', done));
  const address = impostor.address();
  impostorUrl = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);

afterAll(async () => {
  await hall.close();
  impostor.close();
  for (const dir of [dataDir, impostorDir]) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(secretKeyFile(dir), { force: true });
  }
});

describe('the wizard reaching the hall before trusting it', () => {
  it('shows the CA fingerprint the hall presents (the one its console prints)', async () => {
    const probed = await probeHall(hall.url, now());
    expect(probed).toEqual({ https: true, fingerprint: hall.certificate.caFingerprint, thumbprint: hall.certificate.caThumbprint });
  });

  it('refuses a server that claims the hall’s fingerprint without holding a certificate it signed', async () => {
    await expect(probeHall(impostorUrl, now())).rejects.toMatchObject({ reason: 'untrusted' });
  });

  it('verifies an administrator against the hall only once its pinned CA is on the handshake', async () => {
    const pin = hall.certificate.caFingerprint ?? '';
    const answer = await hallPost(hall.url, 'auth/login', { workNo: 'A0001', password: PASSWORD }, { kind: 'pin', pin }, now());
    expect(answer.body).toMatchObject({ ok: true, value: { staff: { roles: expect.arrayContaining(['admin']) } } });
    const wrongPin = Array.from({ length: 32 }, () => '00').join(':');
    const refused = hallPost(hall.url, 'auth/login', { workNo: 'A0001', password: PASSWORD }, { kind: 'pin', pin: wrongPin }, now());
    await expect(refused).rejects.toBeInstanceOf(HallUnreachable);
    await expect(refused).rejects.toMatchObject({ reason: 'untrusted' });
  });

  it('says unreachable when nothing answers', async () => {
    await expect(probeHall('https://127.0.0.1:1', now())).rejects.toMatchObject({ reason: 'unreachable' });
  });
});
