import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answerHeaders, createReplayGuard, verifyRequest } from './sync2-peer.ts';

/**
 * A province's 好差评 platform end of onewindow.rating/2 on 127.0.0.1 (docs/rating-platform.md):
 * POST /ratings, signed as onewindow.sync/2 signs (time, request id, body; replays and stale
 * requests refused), idempotent by Idempotency-Key (a batch answered before gets the same
 * answer and changes nothing), its answers signed at its clock `now`. It keeps each rating's
 * newest version by its id and counts deliveries per id@version. `faults` hit the next
 * requests: 'status-500', or 'unsigned-answer' (taken in, answered without a signature).
 */
export type PlatformServer = {
  url: string;
  ratings: Map<string, Record<string, unknown>>;
  deliveries: Map<string, number>;
  faults: ('status-500' | 'unsigned-answer')[];
  requests: number;
  close: () => Promise<void>;
};

const PROTOCOL = 'onewindow.rating/2';

export async function startRatingPlatform(secret: string, now: () => Date = () => new Date()): Promise<PlatformServer> {
  const guard = createReplayGuard();
  const answers = new Map<string, string>();
  const sockets = new Set<Socket>();
  const state: Omit<PlatformServer, 'url' | 'close'> = { ratings: new Map(), deliveries: new Map(), faults: [], requests: 0 };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== '/ratings') return send(res, 404, { error: 'not found' });
    state.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const check = verifyRequest(secret, PROTOCOL, { method: 'POST', target: req.url, headers: req.headers }, raw, guard, now());
    if (!check.ok) return send(res, 401, { error: check.error });
    const signed = (text: string) => {
      if (fault === 'unsigned-answer') return send(res, 200, text);
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
        ...answerHeaders(secret, PROTOCOL, check.requestId, now(), text),
      });
      res.end(text);
    };
    const body = JSON.parse(raw.toString('utf8')) as { protocol: string; batchId: string; ratings: Record<string, unknown>[] };
    if (body.protocol !== PROTOCOL || body.batchId !== req.headers['idempotency-key']) return send(res, 400, { error: 'protocol or batch id' });
    const fault = state.faults.shift();
    if (fault === 'status-500') return send(res, 500, { error: 'injected' });
    const known = answers.get(body.batchId);
    if (known) return signed(known);
    for (const r of body.ratings) {
      const key = `${String(r.pjbh)}@${String(r.bbh)}`;
      state.deliveries.set(key, (state.deliveries.get(key) ?? 0) + 1);
      const before = state.ratings.get(String(r.pjbh));
      if (!before || Number(before.bbh) < Number(r.bbh)) state.ratings.set(String(r.pjbh), r);
    }
    const answer = JSON.stringify({ batchId: body.batchId, accepted: body.ratings.map((r) => String(r.pjbh)), rejected: [] });
    answers.set(body.batchId, answer);
    signed(answer);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}
