import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type PeerCertificate, TLSSocket } from 'node:tls';
import { pinnedChainTrusted, type PresentedCertificate } from './hall-pin.ts';
import { isResult } from '../core/api/is-result.ts';

/**
 * The main process talking to a hall before its windows do (the first-start wizard):
 *
 * - `probeHall` reaches the hall's hall/certificate over TLS WITHOUT trusting it yet, and returns
 *   the CA fingerprint only when the chain the server actually presented is signed up to that CA
 *   (hall-pin.ts), so what the person compares with the hall's console is the authority the PC
 *   will pin, not merely what a box on the LAN claims;
 * - `hallPost` then calls the hall trusting exactly that pin, checked on the TLS handshake
 *   before a byte of the request (an administrator's password) is written.
 *
 * Plain http:// only reaches a hall on this very PC (settings.ts refuses it for another).
 */
export type HallTrust = { kind: 'probe' } | { kind: 'pin'; pin: string } | { kind: 'system' };

export type HallAnswer = { status: number; body: unknown };

export class HallUnreachable extends Error {
  readonly reason: 'unreachable' | 'untrusted' | 'notHall';
  constructor(reason: 'unreachable' | 'untrusted' | 'notHall', message: string) {
    super(message);
    this.reason = reason;
  }
}

const timeoutMs = 8_000;

/** Node's chain (DER, issuerCertificate) in the shape hall-pin.ts reads (PEM, issuerCert). */
function presented(peer: PeerCertificate & { issuerCertificate?: PeerCertificate }): PresentedCertificate {
  const seen = new Set<PeerCertificate>();
  const convert = (c: PeerCertificate & { issuerCertificate?: PeerCertificate }): PresentedCertificate => {
    seen.add(c);
    const pem = `-----BEGIN CERTIFICATE-----\n${c.raw.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
    const issuer = c.issuerCertificate;
    return { data: pem, issuerCert: issuer && !seen.has(issuer) && issuer.raw ? convert(issuer) : null };
  };
  return convert(peer);
}

/** POSTs `input` to /api/<method> of the hall; the request body goes only once the server is trusted as `trust` says. */
export function hallPost(hallUrl: string, method: string, input: unknown, trust: HallTrust, now: Date, token?: string): Promise<HallAnswer> {
  const url = new URL(`/api/${method}`, hallUrl);
  const body = JSON.stringify(input);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  if (token) headers.authorization = `Bearer ${token}`;
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise<HallAnswer>((resolve, reject) => {
    const options = { method: 'POST', headers, agent: false, timeout: timeoutMs, ...(secure ? { rejectUnauthorized: trust.kind === 'system' } : {}) } as const;
    const req = (secure ? httpsRequest : httpRequest)(url, options, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
        } catch {
          return reject(new HallUnreachable('notHall', `${url.host} answered ${res.statusCode} without JSON`));
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
      res.on('error', (error) => reject(new HallUnreachable('unreachable', error.message)));
    });
    req.on('timeout', () => req.destroy(new HallUnreachable('unreachable', `${url.host} did not answer in time`)));
    req.on('error', (error) => reject(error instanceof HallUnreachable ? error : new HallUnreachable('unreachable', error.message)));
    if (!secure) {
      req.end(body);
      return;
    }
    req.once('socket', (socket) => {
      socket.once('secureConnect', () => {
        // An https request's socket is a TLS one; anything else presents no chain to check.
        if (!(socket instanceof TLSSocket)) {
          req.destroy(new HallUnreachable('untrusted', `${url.host} presented no certificate`));
          return;
        }
        const chain = presented(socket.getPeerCertificate(true));
        if (trust.kind === 'pin' && !pinnedChainTrusted({ hostname, certificate: chain, pin: trust.pin, now })) {
          req.destroy(new HallUnreachable('untrusted', `${url.host} does not hold a certificate of the hall's authority this PC was set up with`));
          return;
        }
        req.end(body);
      });
    });
  });
}

export type ProbedHall = { https: boolean; fingerprint: string | null; thumbprint: string | null };

/** The hall's CA as it presents it, checked against its own chain; not trusted yet, only shown to compare. */
export async function probeHall(hallUrl: string, now: Date): Promise<ProbedHall> {
  const answer = await hallPost(hallUrl, 'hall/certificate', {}, { kind: 'probe' }, now);
  const body: unknown = answer.body;
  const value = isResult(body) && body.ok && typeof body.value === 'object' && body.value !== null ? body.value : undefined;
  if (!value) throw new HallUnreachable('notHall', `no hall answers at ${hallUrl}`);
  const https = new URL(hallUrl).protocol === 'https:';
  const fingerprint = 'caFingerprint' in value && typeof value.caFingerprint === 'string' ? value.caFingerprint : null;
  const thumbprint = 'caThumbprint' in value && typeof value.caThumbprint === 'string' ? value.caThumbprint : null;
  if (https && fingerprint) {
    // The same request again, now requiring the claimed CA to sign the chain presented: a box
    // that claims the hall's fingerprint without holding its certificate is not a hall.
    await hallPost(hallUrl, 'hall/certificate', {}, { kind: 'pin', pin: fingerprint }, now);
  }
  return { https, fingerprint: https ? fingerprint : null, thumbprint: https ? thumbprint : null };
}
