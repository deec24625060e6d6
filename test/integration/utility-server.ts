import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answerHeaders, createReplayGuard, verifyRequest } from './sync2-peer.ts';

/**
 * A utility's end of onewindow.sync/2 on 127.0.0.1, strict the way a utility should be: it
 * refuses a bad signature, a time more than 5 minutes from its clock and a request id it has
 * seen (401), a batch whose Idempotency-Key is not its batchId (400) and
 * more than 500 records (413); a batch id it has answered before gets the same answer again
 * and changes nothing. It keeps each record's newest version, and counts how often each
 * record version was taken in (`deliveries`): more than 1 means a record was sent twice
 * under different batch ids. Faults queued in `faults` hit the next batch requests, those in
 * `updateFaults` the next answers to /updates. Its answers are signed (sync2-peer.ts) with its
 * `secret`, at its clock `now` (the hall's, in tests that pin it).
 *
 * Run alone (the bench does, to keep its memory out of the measured process):
 *   node test/integration/utility-server.ts --secret S [--keep-data no]  → prints "utility server on http://…"
 */
export type Fault =
  /** Closes the connection half-way through reading the request; nothing is taken in. */
  | 'drop-request'
  /** Takes the batch in, then sends half the answer and closes the connection. */
  | 'drop-response'
  /** Answers 500 without taking anything in. */
  | 'status-500'
  /** Takes the batch in and never answers. */
  | 'timeout'
  /** Takes the batch in; the answer names every id twice, plus one id that was not sent. */
  | 'duplicate-answer'
  | AnswerFault;

/** An answer the hall must refuse: taken in (a batch), but answered unsigned, signed with another secret, for another request, or 10 minutes old. */
export type AnswerFault = 'unsigned-answer' | 'wrong-signature' | 'other-request' | 'stale-answer';
export type StoredRecord = { type: string; id: string; version: number; data: unknown; batchId: string };
export type UtilityUpdate = { workOrderId: string | number; status: string; at: string; note?: string | null };

export type UtilityServer = {
  url: string;
  secret: string;
  records: Map<string, StoredRecord>;
  /** `${id}@${version}` → how many distinct batches carried it in. */
  deliveries: Map<string, number>;
  answers: Map<string, string>;
  /** Every batch request as it arrived (batch id, and what happened). */
  log: { batchId: string; outcome: string }[];
  faults: Fault[];
  updateFaults: AnswerFault[];
  /** The last batch request that passed the checks, as it came: a test replays it. */
  lastBatch: { method: string; path: string; headers: Record<string, string>; body: Buffer } | undefined;
  /** A reason makes the utility reject that record. */
  rejectIf: (record: { type: string; id: string; data: Record<string, unknown> }) => string | undefined;
  updates: UtilityUpdate[];
  /** Called when a batch arrives, before it is taken in; a test may hold it there. */
  onBatch: (batchId: string) => Promise<void>;
  hall: string | undefined;
  close: () => Promise<void>;
};

type Body = {
  protocol?: string;
  hall?: string;
  utility?: string;
  batchId?: string;
  records?: { type: string; id: string; version: number; data: Record<string, unknown> }[];
};

const PROTOCOL = 'onewindow.sync/2';

export async function startUtilityServer(options: { secret: string; keepData?: boolean; updatesPage?: number; now?: () => Date }): Promise<UtilityServer> {
  const keepData = options.keepData ?? true;
  const now = options.now ?? (() => new Date());
  const guard = createReplayGuard();
  const sockets = new Set<Socket>();
  const state: Omit<UtilityServer, 'url' | 'close'> = {
    secret: options.secret,
    records: new Map(),
    deliveries: new Map(),
    answers: new Map(),
    log: [],
    faults: [],
    updateFaults: [],
    lastBatch: undefined,
    rejectIf: () => undefined,
    updates: [],
    onBatch: async () => undefined,
    hall: undefined,
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

  /** The headers of a 200 answer: signed for the request, unless a fault says otherwise. */
  const signedHeaders = (requestId: string, text: string, fault: Fault | undefined): Record<string, string> => {
    const base = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) };
    if (fault === 'unsigned-answer') return base;
    if (fault === 'wrong-signature') return { ...base, ...answerHeaders('not-the-utility-secret-000000', PROTOCOL, requestId, now(), text) };
    if (fault === 'other-request') return { ...base, ...answerHeaders(state.secret, PROTOCOL, 'f'.repeat(32), now(), text) };
    if (fault === 'stale-answer') return { ...base, ...answerHeaders(state.secret, PROTOCOL, requestId, new Date(now().getTime() - 10 * 60_000), text) };
    return { ...base, ...answerHeaders(state.secret, PROTOCOL, requestId, now(), text) };
  };

  /** Every request's first step: refused (401) unless signed with the secret, recent and not seen before. */
  const admit = (req: IncomingMessage, res: ServerResponse, raw: Buffer): string | undefined => {
    const target = req.url ?? '/';
    const check = verifyRequest(state.secret, PROTOCOL, { method: req.method ?? '', target, headers: req.headers }, raw, guard, now());
    if (!check.ok) {
      state.log.push({ batchId: String(req.headers['idempotency-key'] ?? ''), outcome: check.outcome });
      send(res, 401, { error: check.error });
      return undefined;
    }
    if (req.method === 'POST') {
      const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
      state.lastBatch = { method: req.method, path: target, headers, body: raw };
    }
    return check.requestId;
  };

  async function batches(req: IncomingMessage, res: ServerResponse) {
    const fault = state.faults.shift();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (fault === 'drop-request' && size > 0) {
        state.log.push({ batchId: String(req.headers['idempotency-key']), outcome: 'dropped-request' });
        req.socket.destroy();
        return;
      }
    }
    const raw = Buffer.concat(chunks);
    const batchId = String(req.headers['idempotency-key'] ?? '');
    const requestId = admit(req, res, raw);
    if (requestId === undefined) return;
    const body = JSON.parse(raw.toString('utf8')) as Body;
    if (body.protocol !== PROTOCOL || body.batchId !== batchId || body.hall !== req.headers['x-onewindow-hall']) {
      state.log.push({ batchId, outcome: 'bad-request' });
      return send(res, 400, { error: 'protocol, batch id or hall mismatch' });
    }
    if (!body.records || body.records.length > 500) return send(res, 413, { error: 'at most 500 records' });
    state.hall = body.hall;
    await state.onBatch(batchId);
    if (fault === 'status-500') {
      state.log.push({ batchId, outcome: '500' });
      return send(res, 500, { error: 'injected' });
    }
    let answer = state.answers.get(batchId);
    if (answer) state.log.push({ batchId, outcome: 'replayed' });
    else {
      const accepted: string[] = [];
      const rejected: { id: string; reason: string }[] = [];
      for (const r of body.records) {
        const reason = state.rejectIf(r);
        if (reason) {
          rejected.push({ id: r.id, reason });
          continue;
        }
        const key = `${r.id}@${r.version}`;
        state.deliveries.set(key, (state.deliveries.get(key) ?? 0) + 1);
        const held = state.records.get(r.id);
        if (!held || held.version < r.version) state.records.set(r.id, { type: r.type, id: r.id, version: r.version, data: keepData ? r.data : null, batchId });
        accepted.push(r.id);
      }
      answer = JSON.stringify({ batchId, accepted, rejected });
      state.answers.set(batchId, answer);
      state.log.push({ batchId, outcome: 'taken' });
    }
    if (fault === 'timeout') return; // taken in, never answered; the socket closes with the server
    if (fault === 'duplicate-answer') {
      const parsed = JSON.parse(answer) as { batchId: string; accepted: string[]; rejected: unknown[] };
      const text = JSON.stringify({ ...parsed, accepted: [...parsed.accepted, ...parsed.accepted, 'wo-999999999'] });
      res.writeHead(200, signedHeaders(requestId, text, undefined));
      return res.end(text);
    }
    if (fault === 'drop-response') {
      res.writeHead(200, signedHeaders(requestId, answer, undefined));
      res.write(answer.slice(0, Math.floor(answer.length / 2)));
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.writeHead(200, signedHeaders(requestId, answer, fault));
    res.end(answer);
  }

  function updates(req: IncomingMessage, res: ServerResponse, url: URL) {
    const requestId = admit(req, res, Buffer.alloc(0));
    if (requestId === undefined) return;
    const since = Number(url.searchParams.get('since') || '0');
    const page = state.updates.slice(since, since + (options.updatesPage ?? 100));
    const text = JSON.stringify({ cursor: String(since + page.length), updates: page });
    res.writeHead(200, signedHeaders(requestId, text, state.updateFaults.shift()));
    res.end(text);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/sync/batches') {
      batches(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
    } else if (req.method === 'GET' && url.pathname === '/sync/updates') updates(req, res, url);
    else send(res, 404, { error: 'not found' });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/sync`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

// Standalone: for the bench, which measures the hall's process and not the utility's.
if (import.meta.main) {
  const args = process.argv.slice(2);
  const arg = (name: string) => args[args.indexOf(name) + 1];
  const server = await startUtilityServer({ secret: arg('--secret') ?? 'bench-secret-0123456789', keepData: arg('--keep-data') !== 'no' });
  process.stdout.write(`utility server on ${server.url}\n`);
  // "count" on stdin: how many records are held, and whether any version came twice.
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', () => {
    let twice = 0;
    for (const n of server.deliveries.values()) if (n > 1) twice += 1;
    process.stdout.write(`${JSON.stringify({ records: server.records.size, twice })}\n`);
  });
}
