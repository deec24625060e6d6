import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifySignature } from '../../main/sync/protocol.ts';

/**
 * A province's 好差评 platform end of onewindow.rating/1 on 127.0.0.1 (docs/rating-platform.md):
 * POST /ratings, signed over the raw body, idempotent by Idempotency-Key (a batch answered
 * before gets the same answer and changes nothing). It keeps each rating's newest version by
 * its id and counts deliveries per id@version. `faults` ('status-500') hit the next requests.
 */
export type PlatformServer = {
  url: string;
  ratings: Map<string, Record<string, unknown>>;
  deliveries: Map<string, number>;
  faults: 'status-500'[];
  requests: number;
  close: () => Promise<void>;
};

export async function startRatingPlatform(secret: string): Promise<PlatformServer> {
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
    if (!verifySignature(secret, raw, req.headers['x-onewindow-signature'] as string | undefined)) return send(res, 401, { error: 'bad signature' });
    const body = JSON.parse(raw.toString('utf8')) as { protocol: string; batchId: string; ratings: Record<string, unknown>[] };
    if (body.protocol !== 'onewindow.rating/1' || body.batchId !== req.headers['idempotency-key']) return send(res, 400, { error: 'protocol or batch id' });
    if (state.faults.shift() === 'status-500') return send(res, 500, { error: 'injected' });
    const known = answers.get(body.batchId);
    if (known) return send(res, 200, known);
    for (const r of body.ratings) {
      const key = `${String(r.pjbh)}@${String(r.bbh)}`;
      state.deliveries.set(key, (state.deliveries.get(key) ?? 0) + 1);
      const before = state.ratings.get(String(r.pjbh));
      if (!before || Number(before.bbh) < Number(r.bbh)) state.ratings.set(String(r.pjbh), r);
    }
    const answer = JSON.stringify({ batchId: body.batchId, accepted: body.ratings.map((r) => String(r.pjbh)), rejected: [] });
    answers.set(body.batchId, answer);
    send(res, 200, answer);
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
