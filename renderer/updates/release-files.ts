import type { ApiError, Result } from '../../main/core/api/errors.ts';
import { isResult } from '../api/is-result.ts';

const updateFile = /\.yml$/i;
const blockmap = /\.blockmap$/i;

/**
 * The order a release goes up in (docs/deploy.md, Updates): installers first, then their
 * .blockmap, and each platform's .yml last — a PC that read a .yml before its installer was
 * there would fail its download.
 */
export function releaseUploadOrder<F extends { name: string }>(files: readonly F[]): F[] {
  const rank = (f: F) => (updateFile.test(f.name) ? 2 : blockmap.test(f.name) ? 1 : 0);
  return [...files].sort((a, b) => rank(a) - rank(b));
}

const networkError: ApiError = { code: 'internal', messageKey: 'errors.network' };
const internalError: ApiError = { code: 'internal', messageKey: 'errors.internal' };

/** The hall's JSON failure from a file route, or a generic one when the answer is not JSON (a proxy's page). */
function failureOf(text: string): ApiError {
  try {
    const body: unknown = JSON.parse(text);
    return isResult(body) && !body.ok ? body.error : internalError;
  } catch {
    return internalError;
  }
}

/**
 * PUT /api/updates/files/<name> with the administrator's bearer token, the File streamed as
 * the body. XMLHttpRequest rather than fetch: only it reports upload progress, and an
 * installer of a few hundred MB needs a moving bar.
 */
export function uploadReleaseFile(file: File, token: string | undefined, onProgress: (sentBytes: number) => void): Promise<Result<null>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/api/updates/files/${encodeURIComponent(file.name)}`);
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () =>
      resolve(request.status >= 200 && request.status < 300 ? { ok: true, value: null } : { ok: false, error: failureOf(request.responseText) });
    request.onerror = () => resolve({ ok: false, error: networkError });
    request.send(file);
  });
}

/** GET /api/diagnostics.zip with the administrator's bearer token: the zip and the name the hall gave it. */
export async function fetchDiagnosticsZip(token: string | undefined): Promise<Result<{ name: string; bytes: ArrayBuffer }>> {
  let response: Response;
  try {
    response = await fetch('/api/diagnostics.zip', { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    return { ok: false, error: networkError };
  }
  if (!response.ok) return { ok: false, error: failureOf(await response.text()) };
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'onewindow-diagnostics.zip';
  return { ok: true, value: { name, bytes: await response.arrayBuffer() } };
}

/** The base64 zip of the diagnostics/export method as bytes. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
