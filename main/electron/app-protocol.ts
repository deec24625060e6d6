import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { Logger } from './logger.ts';
import { rendererCsp } from '../shared/renderer-csp.ts';
import { mimeTypeOf, resolveRendererFile } from './renderer-files.ts';

/** Windows load the built renderer from app://hall/<route>; nothing is served over the network to them. */
export const appScheme = 'app';
export const appHost = 'hall';
export const appUrl = (route: string) => `${appScheme}://${appHost}/${route.replace(/^\/+/, '')}`;

/** Must run before the app is ready: a standard, secure scheme gets origins, storage and ES modules. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': rendererCsp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const plain = (status: number, text: string) => new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves dist/renderer on app://hall, with the single-page-app fallback to index.html. */
export function handleAppProtocol(rendererDir: string, log: Logger): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const found = await resolveRendererFile(rendererDir, url.pathname);
    if (found.kind === 'bad_request') return plain(400, 'Bad request');
    if (found.kind === 'not_found') {
      log.warn({ url: request.url }, 'renderer file not found');
      return plain(404, 'Not found');
    }
    try {
      const body = await readFile(found.path);
      // Vite names what it puts under /assets/ by content hash; everything else may change.
      const hashed = url.pathname.startsWith('/assets/');
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': mimeTypeOf(found.path), 'Cache-Control': hashed ? 'max-age=31536000, immutable' : 'no-cache' },
      });
    } catch (error) {
      log.error({ err: error, url: request.url }, 'renderer file unreadable');
      return plain(500, 'Internal error');
    }
  });
}
