import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, LogController, type RawServerDefault } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { type ApiError, httpStatus } from '../core/api/errors.ts';
import type { HallBackend } from './hall-backend.ts';
import { attachPushSocket, unidentifiedSocketLimit } from './push.ts';
import type { Origin } from '../core/api/caller.ts';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../core/api/loopback.ts';
import http from 'node:http';
import https from 'node:https';
import { registerUpdateFeed } from './updates/update-feed.ts';
import { registerAdminFiles } from './updates/admin-files.ts';
import { ownVersion } from '../shared/app-version.ts';
import { rendererCsp } from '../shared/renderer-csp.ts';

export type HallServerOptions = {
  backend: HallBackend;
  logger: PinoLogger;
  /** The built renderer (vite build output); screens are served from here when present. */
  rendererDir?: string;
  bodyLimitBytes?: number;
  version?: string;
  /** Push timings; tests shorten them. */
  pushTiming?: { helloMs: number; recheckMs: number };
  /** The calling board's voice clips, one folder per language (docs/voice.md); default resources/voice. */
  voicePackDir?: string;
  /** Names the hall is reached by besides IP addresses and localhost (its public URL's, the PC's name). */
  hostNames?: readonly string[];
  /** Serve HTTPS with this key and chain (main/server/tls); plain HTTP without it. */
  tls?: { key: string; cert: string; ca: string };
  /** The release folder served at /updates/ to the desktop apps (main/server/updates); none without it. */
  releasesDir?: string;
  /** The hall's data folder, for the administrator's release uploads and diagnostics export (updates/admin-files.ts). */
  dataDir?: string;
};

/**
 * A Host header the hall answers: an IP address, localhost, or one of its own names. Anything
 * else is a page elsewhere that had its name point at this machine (DNS rebinding) to drive the
 * hall from a browser — refused before it reaches a method.
 */
export function hostAllowed(host: string | undefined, names: readonly string[]): boolean {
  if (!host) return false;
  const name = (host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '')).toLowerCase();
  if (isIP(name) !== 0 || name === 'localhost') return true;
  return names.some((n) => n.toLowerCase() === name);
}

/**
 * resources/voice of the project, or of the packaged app: the nearest folder above this
 * file with a package.json, since the compiled copy sits one level deeper (out/main/server).
 */
export function defaultVoicePackDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'resources', 'voice');
    if (dirname(dir) === dir) return join(here, '..', '..', 'resources', 'voice');
  }
}

const failure = (error: ApiError) => ({ ok: false as const, error });

function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** A request from this machine (the desktop app's own windows, a CLI on the server) is local. */
export function originOf(ip: string): Origin {
  const address = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return { source: address, local: isIP(address) !== 0 && isLoopbackHost(address) };
}

export type HallServer = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>;

export async function createHallServer(options: HallServerOptions): Promise<HallServer> {
  const { backend } = options;
  const tls = options.tls;
  const app: HallServer = Fastify({
    // https.Server is an http.Server as far as Fastify is concerned: one instance type for both.
    serverFactory: (handler) => (tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler)),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the widening picks Fastify's logger type for the instance, which HallServer is declared with
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    // Each request is not worth a log line at a hall's volume; failures are logged below.
    logController: new LogController({ disableRequestLogging: true }),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send(failure({ code: 'too_large', messageKey: 'errors.tooLarge', details: { limitBytes: options.bodyLimitBytes ?? 1024 * 1024 } }));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send(failure({ code: 'malformed', messageKey: 'errors.malformed' }));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(failure({ code: 'internal', messageKey: 'errors.internal' }));
  });

  const hostNames = options.hostNames ?? [];
  app.addHook('onRequest', async (request, reply) => {
    if (!hostAllowed(request.headers.host, hostNames)) {
      options.logger.warn({ host: request.headers.host, source: request.ip }, 'request for a foreign host name refused');
      return reply.status(403).send(failure({ code: 'forbidden', messageKey: 'errors.hostNotAllowed' }));
    }
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  if (options.releasesDir)
    await registerUpdateFeed(app, { releasesDir: options.releasesDir, hallVersion: options.version ?? ownVersion(), logger: options.logger });
  if (options.releasesDir && options.dataDir)
    await registerAdminFiles(app, { backend, releasesDir: options.releasesDir, dataDir: options.dataDir, hallVersion: options.version ?? ownVersion() });

  if (tls) {
    // The CA for browsers to install (the trust page says how and shows the fingerprint to compare).
    app.get('/hall-ca.crt', (_request, reply) =>
      reply.type('application/x-x509-ca-cert').header('Content-Disposition', 'attachment; filename="onewindow-hall-ca.crt"').send(tls.ca),
    );
  }

  // Loaded on first request: the contract's schemas are the core's, which runs in its own thread.
  app.get('/api/openapi.json', async () => {
    const [{ buildOpenApi }, { contract }] = await Promise.all([import('./openapi.ts'), import('../core/contract.ts')]);
    return buildOpenApi(contract, { version: options.version ?? ownVersion() });
  });

  const unidentified = unidentifiedSocketLimit();
  app.get('/api/events', { websocket: true }, (socket, request) => {
    const admitted = unidentified.admit(originOf(request.ip).source);
    if (!admitted) {
      socket.close(1013, 'too many unidentified connections');
      return;
    }
    attachPushSocket(backend, socket, options.pushTiming, admitted.done);
  });

  app.post<{ Params: { domain: string; verb: string } }>('/api/:domain/:verb', async (request, reply) => {
    const name = `${request.params.domain}/${request.params.verb}`;
    const result = await backend.call(name, request.body, bearer(request.headers.authorization), originOf(request.ip));
    if (!result.ok) reply.status(httpStatus[result.error.code]);
    return result;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    // Once a browser has reached the hall over TLS it never tries plain HTTP again for a year.
    if (tls) reply.header('Strict-Transport-Security', 'max-age=31536000');
    if (request.url.startsWith('/api/')) {
      // Answers carry citizens' data: no cache on the way or on the PC keeps a copy.
      reply.header('Cache-Control', 'no-store');
    } else {
      reply.header('Content-Security-Policy', rendererCsp);
      reply.header('Referrer-Policy', 'no-referrer');
    }
    return payload;
  });

  const voicePackDir = options.voicePackDir ?? defaultVoicePackDir();
  if (existsSync(voicePackDir)) {
    // Served as files, not registered one by one, so a hall can swap its pack while running.
    await app.register(fastifyStatic, { root: voicePackDir, prefix: '/voice/', decorateReply: false, index: false });
  } else {
    options.logger.warn({ voicePackDir }, 'voice pack folder not found: the calling board will use speech synthesis');
  }

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, wildcard: false, index: false });
    // Every screen path is the same single-page app; the router picks the screen.
    app.setNotFoundHandler((request, reply) => {
      // A missing clip must fail as one, not come back as the app's page.
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/voice/') && !request.url.startsWith('/updates/')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.status(404).send(failure({ code: 'not_found', messageKey: 'errors.notFound' }));
    });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send(failure({ code: 'not_found', messageKey: 'errors.notFound' })));
  }
  return app;
}

/**
 * Closes the hall's HTTP server without waiting on its clients for long. Every push socket is
 * told the hall is going away (1001) and cut after `graceMs` if its screen does not answer: a
 * frozen or vanished browser would otherwise hold the close for ws's 30 s handshake timeout.
 * Requests still running `graceMs` after that are cut as well.
 */
export async function closeHallServer(app: HallServer, graceMs = 1000): Promise<void> {
  const sockets = [...app.websocketServer.clients];
  const closed = sockets.map((socket) =>
    socket.readyState === socket.CLOSED ? Promise.resolve() : new Promise<void>((done) => socket.once('close', () => done())),
  );
  for (const socket of sockets) socket.close(1001, 'hall closing');
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(closed), new Promise<void>((done) => (timer = setTimeout(done, graceMs)))]);
  clearTimeout(timer);
  for (const socket of sockets) if (socket.readyState !== socket.CLOSED) socket.terminate();
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}
