import { performance } from 'node:perf_hooks';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { WebSocket } from 'ws';
import { closeDatabase, openDatabase } from '../../db/connection.ts';

// Baseline child of the queue.* cases: the framework the hall server is built on with
// none of OneWindow in it. POST /api/<anything> answers a constant, the way the hall's
// one route answers a method; POST /api/bench/broadcast first sends a constant event to
// every socket on /api/events, the way a call reaches the calling boards.
// `bare-fastify.ts <db file>` adds POST /api/bench/commit: one row inserted into that SQLite
// file, opened as the hall opens its own (WAL, synchronous=FULL), answered after the commit:
// the physical limit of a durable ticket, one fsync included.
const file = process.argv[2];
const app = Fastify({ logger: false });
await app.register(fastifyWebsocket);

const sockets = new Set<WebSocket>();
let seq = 0;

app.get('/api/events', { websocket: true }, (socket) => {
  sockets.add(socket);
  // Mirrors the hall's hello so the bench client connects to both the same way.
  socket.once('message', () => socket.send(JSON.stringify({ kind: 'hello', seq })));
  socket.on('close', () => sockets.delete(socket));
});

app.post('/api/bench/broadcast', async () => {
  seq += 1;
  const message = JSON.stringify({ kind: 'event', event: { seq, type: 'bench/broadcast', payload: { n: seq } } });
  for (const socket of sockets) socket.send(message);
  return { ok: true, value: { n: seq } };
});

const db = file ? openDatabase(file) : undefined;
if (db) {
  db.exec('CREATE TABLE IF NOT EXISTS bench_tickets (id INTEGER PRIMARY KEY, category_id INTEGER NOT NULL, at_ms REAL NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_tickets (category_id, at_ms) VALUES (?, ?)');
  app.post('/api/bench/commit', async (request) => {
    const { categoryId } = request.body as { categoryId: number };
    const { lastInsertRowid } = insert.run(categoryId, performance.now());
    return { ok: true, value: { id: Number(lastInsertRowid) } };
  });
}

app.post('/api/:domain/:verb', async () => ({ ok: true, value: { number: 'A001', ahead: 0 } }));

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`bare fastify listening on http://127.0.0.1:${port}\n`);

const stop = () => {
  void app.close().then(() => {
    if (db) closeDatabase(db);
    process.exit(0);
  });
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
