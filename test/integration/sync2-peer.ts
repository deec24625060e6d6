import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The utility's side of onewindow.sync/2's security, written from docs/sync-protocol.md with
 * node:crypto alone — deliberately not with the hall's own code (main/utility-link/signing.ts,
 * drop-seal.ts), so the test servers check that the hall speaks the protocol as documented.
 */

const WINDOW_S = 300;

const hmac = (secret: string, lines: readonly string[], body: Buffer | string): string =>
  `sha256=${createHmac('sha256', secret)
    .update(`${lines.join('\n')}\n`)
    .update(body)
    .digest('hex')}`;

const equal = (a: string, b: string | undefined): boolean => b !== undefined && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Request ids seen within the window, forgotten once older than it (a replay that old is stale anyway). */
export type ReplayGuard = { seen: Map<string, number> };
export const createReplayGuard = (): ReplayGuard => ({ seen: new Map() });

export type RequestCheck = { ok: true; requestId: string } | { ok: false; outcome: 'bad-signature' | 'stale' | 'replay'; error: string };

/** What a utility does first with every request: signature, then time, then the request id. */
export function verifyRequest(
  secret: string,
  protocol: string,
  req: { method: string; target: string; headers: IncomingHttpHeaders },
  body: Buffer,
  guard: ReplayGuard,
  now: Date,
): RequestCheck {
  const timestamp = one(req.headers['x-onewindow-timestamp']) ?? '';
  const requestId = one(req.headers['x-onewindow-request-id']) ?? '';
  const expected = hmac(secret, [protocol, req.method, req.target, timestamp, requestId], body);
  if (!/^[0-9a-f]{32}$/.test(requestId) || !equal(expected, one(req.headers['x-onewindow-signature'])))
    return { ok: false, outcome: 'bad-signature', error: 'bad signature' };
  const nowS = Math.floor(now.getTime() / 1000);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - nowS) > WINDOW_S) return { ok: false, outcome: 'stale', error: 'stale timestamp' };
  for (const [id, at] of guard.seen) if (nowS - at > 2 * WINDOW_S) guard.seen.delete(id);
  if (guard.seen.has(requestId)) return { ok: false, outcome: 'replay', error: 'replayed request' };
  guard.seen.set(requestId, nowS);
  return { ok: true, requestId };
}

/** The headers of a signed answer to the request `requestId`. */
export function answerHeaders(secret: string, protocol: string, requestId: string, at: Date, body: string): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { 'X-OneWindow-Timestamp': timestamp, 'X-OneWindow-Signature': hmac(secret, [protocol, requestId, timestamp], body) };
}

/** A file drop's key: HKDF-SHA256 of the shared secret, empty salt, info "onewindow.sync/2 drop". */
const dropKey = (secret: string): Buffer => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'onewindow.sync/2 drop', 32));
const MAGIC = Buffer.from('OWD2', 'ascii');

/** A file as the utility writes it into the reply folder: `name` is its path in the folder ("<batchId>.json"). */
export function sealFile(secret: string, name: string, content: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dropKey(secret), iv);
  cipher.setAAD(Buffer.from(`onewindow.sync/2 drop\n${name}`, 'utf8'));
  const body = Buffer.concat([cipher.update(content, 'utf8'), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

/** A file the hall dropped, read back by the utility (throws when it was not sealed with the secret under this name). */
export function openFile(secret: string, name: string, sealed: Buffer): string {
  if (!sealed.subarray(0, 4).equals(MAGIC)) throw new Error(`${name} is not a sealed drop file`);
  const decipher = createDecipheriv('aes-256-gcm', dropKey(secret), sealed.subarray(4, 16));
  decipher.setAAD(Buffer.from(`onewindow.sync/2 drop\n${name}`, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(16, sealed.length - 16)), decipher.final()]).toString('utf8');
}
