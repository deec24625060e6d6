import http from 'node:http';
import https from 'node:https';
import type { Connector } from './connector.ts';
import type { BatchRecord } from '../../db/sync.ts';
import { batchAnswerSchema, type BatchAnswer, type BatchHeader, signBody, readUpdates, updatesPageSchema } from './protocol.ts';
import { TransientError } from './retry.ts';

export type HttpConnectorOptions = {
  baseUrl: string;
  hall: string;
  secret: string;
  /** Per request: no byte sent or received for this long ends it (and it is retried). */
  timeoutMs?: number;
  /**
   * For a peer that takes its own shape (the 好差评 platform, onewindow.rating/1): the path batches
   * go to and the body built from the records. Signing, idempotency and the answer are the same.
   */
  shape?: { path: string; body: (header: BatchHeader, records: readonly BatchRecord[]) => string[] };
};

const retryableStatus = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/**
 * One request over a kept-alive connection. node:http rather than fetch so the body goes out
 * in its parts (protocol.ts) and never exists as one large string or buffer.
 */
function request(
  agents: { http: http.Agent; https: https.Agent },
  url: URL,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: readonly string[] },
  timeoutMs: number,
): Promise<unknown> {
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
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (retryableStatus(status)) return fail(new TransientError(`${where} answered ${status}`));
        if (status !== 200) return fail(new Error(`${where} answered ${status}: ${text.slice(0, 200)}`));
        try {
          settled = true;
          resolve(JSON.parse(text));
        } catch {
          settled = false;
          fail(new TransientError(`${where} answered with broken JSON`));
        }
      });
    });
    // Corked: the parts leave in a few large writes, not one small TCP segment each.
    req.cork();
    for (const part of init.body ?? []) req.write(part, 'utf8');
    req.end();
  });
}

/** The HTTPS/HTTP JSON connector of onewindow.sync/1 (docs/sync-protocol.md). */
export function createHttpConnector(options: HttpConnectorOptions): Connector {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 4 }), https: new https.Agent({ keepAlive: true, maxSockets: 4 }) };
  return {
    kind: 'http',
    needsRecords: options.shape !== undefined,
    async send(header, wireBody, records) {
      const body = options.shape ? options.shape.body(header, records) : wireBody;
      const path = options.shape?.path ?? '/batches';
      const json = await request(
        agents,
        new URL(`${base}${path}`),
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': header.batchId,
            'X-OneWindow-Hall': header.hall,
            'X-OneWindow-Signature': signBody(options.secret, body),
          },
          body,
        },
        timeoutMs,
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
      const url = new URL(`${base}/updates?since=${encodeURIComponent(cursor ?? '')}`);
      // A GET has no body: its path and query, as sent, are signed instead.
      const signature = signBody(options.secret, `${url.pathname}${url.search}`);
      const json = await request(agents, url, { method: 'GET', headers: { 'X-OneWindow-Hall': options.hall, 'X-OneWindow-Signature': signature } }, timeoutMs);
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
