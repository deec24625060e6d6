import http from 'node:http';
import https from 'node:https';
import type { Connector } from './connector.ts';
import type { BatchRecord } from '../../db/sync.ts';
import { plainHttpOffMachine } from '../core/sync/https-only.ts';
import { batchAnswerSchema, type BatchAnswer, type BatchHeader, PROTOCOL, readUpdates, updatesPageSchema } from './protocol.ts';
import { TransientError } from './retry.ts';
import { checkAnswer, newRequestId, signRequest, unixSeconds } from './signing.ts';

export type HttpConnectorOptions = {
  baseUrl: string;
  hall: string;
  secret: string;
  /** The hall clock: requests carry its time, and an answer more than 5 minutes from it is refused. */
  now: () => Date;
  /** Per request: no byte sent or received for this long ends it (and it is retried). */
  timeoutMs?: number;
  /**
   * For a peer that takes its own shape (the 好差评 platform, onewindow.rating/2): its protocol
   * (the first line of what is signed), the path batches go to and the body built from the
   * records. Signing, idempotency and the answer are the same.
   */
  shape?: { protocol: string; path: string; body: (header: BatchHeader, records: readonly BatchRecord[]) => string[] };
};

const retryableStatus = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/** A 200 answer as it came, unread: its bytes and the headers that say who signed it, when. */
type RawAnswer = { body: Buffer; timestamp: string | undefined; signature: string | undefined };

const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * One request over a kept-alive connection. node:http rather than fetch so the body goes out
 * in its parts (protocol.ts) and never exists as one large string or buffer.
 */
function request(
  agents: { http: http.Agent; https: https.Agent },
  url: URL,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: readonly string[] },
  timeoutMs: number,
): Promise<RawAnswer> {
  const where = `${init.method} ${url.origin}${url.pathname}`;
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const length = init.body ? init.body.reduce((n, part) => n + Buffer.byteLength(part, 'utf8'), 0) : 0;
    const req = (secure ? https : http).request(url, {
      method: init.method,
      headers: init.body ? { ...init.headers, 'Content-Length': String(length) } : init.headers,
      agent: secure ? agents.https : agents.http,
    });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(error);
    };
    // Small answers and the body's tail must not wait on Nagle's algorithm for an ACK.
    req.setNoDelay(true);
    req.setTimeout(timeoutMs, () => fail(new TransientError(`${where}: timed out after ${timeoutMs} ms`)));
    req.on('error', (error) => fail(new TransientError(`${where}: ${error.message}`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => fail(new TransientError(`${where}: ${error.message}`)));
      res.on('close', () => {
        // A connection dropped mid-answer: the batch may or may not have been taken in; resending is safe.
        if (!res.complete) return fail(new TransientError(`${where}: connection closed before the answer was complete`));
        if (settled) return;
        const body = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        if (retryableStatus(status)) return fail(new TransientError(`${where} answered ${status}`));
        if (status !== 200) return fail(new Error(`${where} answered ${status}: ${body.toString('utf8').slice(0, 200)}`));
        settled = true;
        resolve({ body, timestamp: firstValue(res.headers['x-onewindow-timestamp']), signature: firstValue(res.headers['x-onewindow-signature']) });
      });
    });
    // Corked: the parts leave in a few large writes, not one small TCP segment each.
    req.cork();
    for (const part of init.body ?? []) req.write(part, 'utf8');
    req.end();
  });
}

/** The HTTPS JSON connector of onewindow.sync/2 (docs/sync-protocol.md). */
export function createHttpConnector(options: HttpConnectorOptions): Connector {
  const base = options.baseUrl.replace(/\/+$/, '');
  // An address stored before the rule, or edited in the database: nothing goes out in clear text.
  if (plainHttpOffMachine(base)) throw new Error(`${base}: refused to send over plain http off this computer (https only)`);
  const protocol = options.shape?.protocol ?? PROTOCOL;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 4 }), https: new https.Agent({ keepAlive: true, maxSockets: 4 }) };

  /**
   * A signed request, and its answer's body once the utility's signature over it holds: an
   * answer nobody signed, signed with another secret, for another request or too old is
   * refused before a byte of it is read, and nothing of it is applied.
   */
  const exchange = async (url: URL, method: 'GET' | 'POST', headers: Record<string, string>, body?: readonly string[]): Promise<unknown> => {
    const where = `${method} ${url.origin}${url.pathname}`;
    const requestId = newRequestId();
    const timestamp = unixSeconds(options.now());
    const signature = signRequest(options.secret, { protocol, method, target: `${url.pathname}${url.search}`, timestamp, requestId }, body ?? '');
    const answer = await request(
      agents,
      url,
      { method, headers: { ...headers, 'X-OneWindow-Timestamp': timestamp, 'X-OneWindow-Request-Id': requestId, 'X-OneWindow-Signature': signature }, body },
      timeoutMs,
    );
    const check = checkAnswer(options.secret, { protocol, requestId }, answer, options.now());
    if (check === 'unsigned') throw new Error(`${where}: the answer is not signed by the utility`);
    if (check === 'mismatch') throw new Error(`${where}: the answer's signature does not match`);
    if (check === 'stale') throw new Error(`${where}: the answer is dated ${answer.timestamp}, more than 5 minutes from the hall clock`);
    try {
      return JSON.parse(answer.body.toString('utf8'));
    } catch {
      throw new TransientError(`${where} answered with broken JSON`);
    }
  };

  return {
    kind: 'http',
    needsRecords: options.shape !== undefined,
    async send(header, wireBody, records) {
      const body = options.shape ? options.shape.body(header, records) : wireBody;
      const path = options.shape?.path ?? '/batches';
      const json = await exchange(
        new URL(`${base}${path}`),
        'POST',
        { 'Content-Type': 'application/json', 'Idempotency-Key': header.batchId, 'X-OneWindow-Hall': header.hall },
        body,
      );
      const parsed = batchAnswerSchema.safeParse(json);
      if (!parsed.success) throw new TransientError(`${base}${path} answered in an unknown shape`);
      const answer: BatchAnswer = parsed.data;
      if (answer.batchId !== header.batchId) throw new TransientError(`${base}${path} answered for batch ${answer.batchId}, not ${header.batchId}`);
      return { kind: 'answer', answer };
    },
    async pullUpdates(cursor) {
      // A peer of its own shape (the rating platform) has no status feed for the hall.
      if (options.shape) return { cursor, updates: [], invalid: [] };
      const json = await exchange(new URL(`${base}/updates?since=${encodeURIComponent(cursor ?? '')}`), 'GET', { 'X-OneWindow-Hall': options.hall });
      const parsed = updatesPageSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${base}/updates answered in an unknown shape`);
      return readUpdates(parsed.data.cursor, parsed.data.updates);
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
