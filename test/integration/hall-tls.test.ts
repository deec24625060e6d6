import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedChainTrusted, type PresentedCertificate } from '../../main/electron/hall-pin.ts';
import { type RunningHall, startHall } from '../../main/server/hall.ts';
import { loadOrCreateHallTls } from '../../main/server/tls/hall-certificates.ts';
import { tempDataDir, testHallClock } from './hall-fixture.ts';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; chain: PresentedCertificate | undefined };

/** Electron hands its certificate check the chain in this shape; Node's peer certificate is turned into it. */
function presented(peer: PeerCertificate & { issuerCertificate?: PeerCertificate }, depth = 0): PresentedCertificate {
  const issuer = peer.issuerCertificate;
  const selfIssued = !issuer || issuer.fingerprint256 === peer.fingerprint256;
  return { data: new X509Certificate(peer.raw).toString(), issuerCert: selfIssued || depth > 5 ? null : presented(issuer, depth + 1) };
}

function get(url: string, options: { ca?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    const req = (secure ? https : http).get(url, secure ? { ca: options.ca, rejectUnauthorized: true } : {}, (res) => {
      const chunks: Buffer[] = [];
      const chain = secure ? presented((res.socket as TLSSocket).getPeerCertificate(true)) : undefined;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), chain }));
    });
    req.setTimeout(5000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

describe('the hall on the LAN speaks TLS with its own certificate authority', () => {
  let hall: RunningHall;
  let dataDir: string;
  let port: number;
  let ca: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    hall = await startHall({ dataDir, host: '0.0.0.0', port: 0, logLevel: 'silent', clock: testHallClock() });
    port = Number(new URL(hall.url).port);
    ca = readFileSync(join(dataDir, 'tls', 'hall-ca.pem'), 'utf8');
  });
  afterAll(async () => {
    await hall.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers HTTPS on a non-loopback bind, trusted through the hall CA, with HSTS', async () => {
    expect(hall.url).toMatch(/^https:\/\//);
    const answer = await get(`https://127.0.0.1:${port}/api/openapi.json`, { ca });
    expect(answer.status).toBe(200);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('refuses plain HTTP on that port', async () => {
    await expect(get(`http://127.0.0.1:${port}/api/openapi.json`)).rejects.toThrow();
  });

  it('is not trusted by a client that does not know the hall CA', async () => {
    await expect(get(`https://127.0.0.1:${port}/api/openapi.json`)).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });

  it('offers the CA for download, and its fingerprint to anyone who asks (to compare on each PC)', async () => {
    const download = await get(`https://127.0.0.1:${port}/hall-ca.crt`, { ca });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(download.body.trim()).toBe(ca.trim());
    const fingerprint = new X509Certificate(ca).fingerprint256;
    const answer = await fetchJson(`https://127.0.0.1:${port}/api/hall/certificate`, ca);
    expect(answer).toMatchObject({ ok: true, value: { https: true, caFingerprint: fingerprint } });
  });

  it('keeps the CA key owner-only', () => {
    if (process.platform === 'win32') return;
    expect(statSync(join(dataDir, 'tls', 'hall-ca.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'tls', 'hall.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'tls')).mode & 0o777).toBe(0o700);
  });

  it("a desktop client pinning this hall's CA trusts the served chain; pinning another CA it refuses", async () => {
    const answer = await get(`https://127.0.0.1:${port}/api/openapi.json`, { ca });
    const chain = answer.chain;
    if (!chain) throw new Error('no chain');
    const now = testHallClock().now();
    expect(pinnedChainTrusted({ hostname: '127.0.0.1', certificate: chain, pin: new X509Certificate(ca).fingerprint256, now })).toBe(true);
    const otherDir = tempDataDir();
    try {
      const other = loadOrCreateHallTls({ dir: join(otherDir, 'tls'), names: ['127.0.0.1'], now });
      expect(pinnedChainTrusted({ hostname: '127.0.0.1', certificate: chain, pin: other.caFingerprint, now })).toBe(false);
      // A box on the LAN with a certificate of its own CA, sending the real hall CA (it is public) along: refused.
      const impostor: PresentedCertificate = {
        data: other.cert.split(/(?<=-----END CERTIFICATE-----)/)[0]?.trim() ?? '',
        issuerCert: { data: ca, issuerCert: null },
      };
      expect(pinnedChainTrusted({ hostname: '127.0.0.1', certificate: impostor, pin: new X509Certificate(ca).fingerprint256, now })).toBe(false);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
    // The right chain for a name the certificate was not made out to: refused.
    expect(pinnedChainTrusted({ hostname: 'intruder.example', certificate: chain, pin: new X509Certificate(ca).fingerprint256, now })).toBe(false);
  });
});

describe('the hall on this PC only', () => {
  it('speaks plain HTTP on loopback and says so', async () => {
    const dataDir = tempDataDir();
    const hall = await startHall({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock() });
    try {
      expect(hall.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(await fetchJson(`${hall.url}/api/hall/certificate`)).toMatchObject({ ok: true, value: { https: false, caFingerprint: null } });
    } finally {
      await hall.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the hall's certificates across starts", () => {
  it('keeps its CA, reuses the server certificate, and makes a new one (same CA) when its names change', () => {
    const dir = join(tempDataDir(), 'tls');
    const now = testHallClock().now();
    const first = loadOrCreateHallTls({ dir, names: ['127.0.0.1', 'hall-pc'], now });
    const again = loadOrCreateHallTls({ dir, names: ['hall-pc', '127.0.0.1'], now });
    expect(again.cert).toBe(first.cert);
    const moved = loadOrCreateHallTls({ dir, names: ['127.0.0.1', 'hall-pc', '192.168.1.10'], now });
    expect(moved.caFingerprint).toBe(first.caFingerprint);
    expect(moved.cert).not.toBe(first.cert);
    const leaf = new X509Certificate(moved.cert);
    expect(leaf.checkIP('192.168.1.10')).toBe('192.168.1.10');
    expect(leaf.verify(new X509Certificate(moved.ca).publicKey)).toBe(true);
    // A year on, within a month of running out: renewed, still under the same CA.
    const later = loadOrCreateHallTls({ dir, names: ['127.0.0.1', 'hall-pc', '192.168.1.10'], now: new Date(now.getTime() + 370 * 86_400_000) });
    expect(later.cert).not.toBe(moved.cert);
    expect(later.caFingerprint).toBe(first.caFingerprint);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });
});

function fetchJson(url: string, ca?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    const body = '{}';
    const req = (secure ? https : http).request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, ...(secure ? { ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
