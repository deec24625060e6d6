import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { desktopText, pickLanguage } from '../../shared/desktop-text.ts';
import { CLIENT_HEADER, clientVerdict } from './client-version.ts';
import { isReleaseFileName, releaseContentType } from './release-folder.ts';

export type UpdateFeedOptions = {
  /** The release folder (<data>/releases or --releases). */
  releasesDir: string;
  /** The hall's own version: the one a refused desktop app is told to install. */
  hallVersion: string;
  logger: Logger;
};

/** What a refused desktop app can still reach: its update, and how to trust the hall. */
const reachableWhenRefused = (url: string): boolean => url.startsWith('/updates/') || url.startsWith('/hall-ca.crt') || url.startsWith('/trust');

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The hall's update feed for the desktop apps on its LAN (electron-updater's generic provider):
 * GET and HEAD of the release folder's files under /updates/, streamed, with single byte ranges
 * (the desktop app asks for its differential download one range per request), no listing, and
 * only the names release-folder.ts allows. And the version gate: a desktop app this hall cannot
 * serve gets 426 with what to install and where, on every request but its update.
 */
export async function registerUpdateFeed(app: FastifyInstance, options: UpdateFeedOptions): Promise<void> {
  mkdirSync(options.releasesDir, { recursive: true });

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers[CLIENT_HEADER];
    const verdict = clientVerdict(Array.isArray(header) ? header[0] : header, options.hallVersion);
    if (verdict.kind === 'served' || reachableWhenRefused(request.url)) return;
    const updatesUrl = `${request.protocol}://${request.headers.host ?? request.hostname}/updates/`;
    options.logger.warn({ client: verdict.client, install: verdict.install, source: request.ip }, 'desktop app of a version this hall does not serve refused');
    const params = { client: verdict.client, install: verdict.install, updatesUrl };
    if (request.url.startsWith('/api/')) {
      return reply.status(426).send({ ok: false, error: { code: 'conflict', messageKey: 'errors.clientOutdated', details: params } });
    }
    const t = desktopText(pickLanguage(request.headers['accept-language']));
    const page = `<!doctype html><html lang="${t('update.lang')}"><meta charset="utf-8"><title>${escapeHtml(t('app.title'))}</title><body style="font-family:sans-serif;margin:3em"><h1>${escapeHtml(t('update.refusedTitle'))}</h1><p>${escapeHtml(t('update.refused', params))}</p></body></html>`;
    return reply.status(426).type('text/html; charset=utf-8').send(page);
  });

  await app.register(fastifyStatic, {
    root: options.releasesDir,
    prefix: '/updates/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    acceptRanges: true,
    allowedPath: (pathName) => isReleaseFileName(pathName.replace(/^\//, '')),
    setHeaders: (reply, path) => {
      const name = basename(path);
      reply.header('Content-Type', releaseContentType(name));
      // A PC that asks again soon must not read a stale update file from a cache on the way.
      if (name.endsWith('.yml')) reply.header('Cache-Control', 'no-cache');
    },
  });
}
