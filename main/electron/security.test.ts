import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { loadOrCreateHallTls } from '../server/tls/hall-certificates.ts';
import { trustHallCertificate } from './security.ts';
import pino from 'pino';

// No Electron binary runs here: the session is a small fake that records the verify proc
// Electron would call, and the test calls it the way Chromium does (hostname, the chain as
// Electron's Certificate objects), with real certificates from the hall's CA code.
type VerifyProc = Parameters<Session['setCertificateVerifyProc']>[0];
type Request = Parameters<NonNullable<VerifyProc>>[0];

const quiet = pino({ level: 'silent' });

function fakeSession() {
  let proc: VerifyProc | undefined;
  return {
    session: { setCertificateVerifyProc: (p: VerifyProc) => void (proc = p) },
    verdict(hostname: string, chainPem: string): Promise<number> {
      const [leaf, caPem] = chainPem.split(/(?<=-----END CERTIFICATE-----)\s*/).filter((p) => p.trim());
      const certificate = (data: string, issuerCert?: unknown) => ({ data, issuerCert, fingerprint: 'sha256/…' });
      const request = {
        hostname,
        certificate: certificate(leaf ?? '', certificate(caPem ?? '')),
        verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
        errorCode: -202,
      };
      return new Promise((resolve) => proc?.(request as unknown as Request, resolve));
    },
  };
}

const dirs: string[] = [];
const hallTls = (names: string[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-pin-'));
  dirs.push(dir);
  return loadOrCreateHallTls({ dir: join(dir, 'tls'), names, now: new Date('2026-11-25T02:00:00Z') });
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a client PC trusts the hall by the CA it was set up with', () => {
  const hall = hallTls(['192.168.1.10']);
  const other = hallTls(['192.168.1.10']);

  it("accepts the hall's chain when the pin is the hall CA's fingerprint", async () => {
    const fake = fakeSession();
    trustHallCertificate(fake.session, 'https://192.168.1.10:4720', hall.caFingerprint, quiet);
    expect(await fake.verdict('192.168.1.10', hall.cert)).toBe(0);
  });

  it('refuses another CA at the same address (a box on the LAN pretending to be the hall)', async () => {
    const fake = fakeSession();
    trustHallCertificate(fake.session, 'https://192.168.1.10:4720', hall.caFingerprint, quiet);
    expect(await fake.verdict('192.168.1.10', other.cert)).toBe(-2);
  });

  it('refuses any host other than the hall, and leaves an unpinned hall to the operating system', async () => {
    const pinned = fakeSession();
    trustHallCertificate(pinned.session, 'https://192.168.1.10:4720', hall.caFingerprint, quiet);
    expect(await pinned.verdict('example.com', hall.cert)).toBe(-2);
    const unpinned = fakeSession();
    trustHallCertificate(unpinned.session, 'https://hall.example.gov.cn', undefined, quiet);
    expect(await unpinned.verdict('hall.example.gov.cn', hall.cert)).toBe(-3);
  });
});
