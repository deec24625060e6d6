import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The signatures of onewindow.sync/2 (docs/sync-protocol.md, "Signatures"). A request is signed
 * over its protocol, method, path and query, time, id and body; the answer over the protocol,
 * the id of the request it answers, its own time and its body. So neither can be replayed (the
 * utility remembers request ids for the window; an answer names its request) nor made up by
 * whoever sits on the path without the shared secret. The pieces are lines joined by "\n"; only
 * the body, last, may hold a line break, so the string reads back one way only.
 */

/** How far a request's or an answer's time may be from the reader's clock, either way. */
export const MAX_SKEW_SECONDS = 300;

/** `X-OneWindow-Timestamp`: whole seconds since 1970-01-01 UTC, in decimal, from the hall clock. */
export const unixSeconds = (date: Date): string => String(Math.floor(date.getTime() / 1000));

/** `X-OneWindow-Request-Id`: 16 random bytes in lower-case hex, new for every request (a retry too). */
export const newRequestId = (): string => randomBytes(16).toString('hex');

export type RequestLine = { protocol: string; method: 'GET' | 'POST'; target: string; timestamp: string; requestId: string };
export type AnswerLine = { protocol: string; requestId: string; timestamp: string };

type Body = string | Buffer | readonly string[];

function hmac(secret: string, head: readonly string[], body: Body): string {
  const mac = createHmac('sha256', secret);
  // The body is fed as it is held (in parts for a large batch): never joined into one string.
  mac.update(`${head.join('\n')}\n`, 'utf8');
  if (typeof body === 'string' || Buffer.isBuffer(body)) mac.update(body);
  else for (const part of body) mac.update(part, 'utf8');
  return `sha256=${mac.digest('hex')}`;
}

/** `X-OneWindow-Signature` of a request: HMAC over protocol, method, target (path and query), timestamp, request id, body. */
export const signRequest = (secret: string, line: RequestLine, body: Body = ''): string =>
  hmac(secret, [line.protocol, line.method, line.target, line.timestamp, line.requestId], body);

/** `X-OneWindow-Signature` of an answer: HMAC over protocol, the request's id, the answer's timestamp, the answer's body. */
export const signAnswer = (secret: string, line: AnswerLine, body: Body): string => hmac(secret, [line.protocol, line.requestId, line.timestamp], body);

export const sameSignature = (expected: string, given: string | undefined): boolean => {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Whether a timestamp header is within the window of `now`. */
export function freshTimestamp(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Number(timestamp) - now.getTime() / 1000) <= MAX_SKEW_SECONDS;
}

export type AnswerCheck = 'ok' | 'unsigned' | 'mismatch' | 'stale';

/** Checks an answer before a byte of it is read: signed, by the secret, for this request, and recent. */
export function checkAnswer(
  secret: string,
  request: { protocol: string; requestId: string },
  answer: { timestamp: string | undefined; signature: string | undefined; body: Buffer },
  now: Date,
): AnswerCheck {
  if (!answer.timestamp || !answer.signature) return 'unsigned';
  const expected = signAnswer(secret, { protocol: request.protocol, requestId: request.requestId, timestamp: answer.timestamp }, answer.body);
  if (!sameSignature(expected, answer.signature)) return 'mismatch';
  return freshTimestamp(answer.timestamp, now) ? 'ok' : 'stale';
}
