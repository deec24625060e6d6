import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

// How app://hall/<path> maps onto the built renderer; kept free of Electron so it stays plain Node.

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

export const mimeTypeOf = (file: string): string => mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';

export type RendererFile = { kind: 'file'; path: string } | { kind: 'not_found' } | { kind: 'bad_request' };

const isFile = async (path: string) => {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
};

/**
 * The file for a URL path: the file itself when it exists inside `rendererDir`;
 * index.html for a screen path (no extension, the router picks the screen);
 * not found for a missing asset, so a broken build fails loudly rather than as HTML.
 */
export async function resolveRendererFile(rendererDir: string, pathname: string): Promise<RendererFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad_request' };
  }
  if (decoded.includes('\0')) return { kind: 'bad_request' };
  const root = normalize(rendererDir);
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return { kind: 'bad_request' };
  if (path !== root && (await isFile(path))) return { kind: 'file', path };
  if (extname(decoded) !== '') return { kind: 'not_found' };
  const index = join(root, 'index.html');
  return (await isFile(index)) ? { kind: 'file', path: index } : { kind: 'not_found' };
}
