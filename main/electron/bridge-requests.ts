import type { ApiError } from '../core/api/errors.ts';
import { pushHelloSchema } from '../server/push.ts';
import { parseJson } from '../shared/json.ts';

// What a window may send over the bridge, checked as the HTTP transport checks a request.

export const bodyLimitBytes = 1024 * 1024;

export type InvokeRequest = { name: string; input: unknown; token: string | undefined };

/**
 * A call from a window: the name a string, the token a string or nothing, the input
 * JSON (and passed on as its JSON round trip, so both transports see the same value).
 */
export function parseInvoke(name: unknown, input: unknown, token: unknown): { ok: true; request: InvokeRequest } | { ok: false; error: ApiError } {
  const malformed = { ok: false as const, error: { code: 'malformed' as const, messageKey: 'errors.malformed' } };
  if (typeof name !== 'string' || name.length === 0 || name.length > 100) return malformed;
  if (token !== undefined && token !== null && (typeof token !== 'string' || token.length > 200)) return malformed;
  let json: string | undefined;
  try {
    json = JSON.stringify(input ?? {});
  } catch {
    return malformed;
  }
  if (json === undefined) return malformed;
  if (Buffer.byteLength(json) > bodyLimitBytes) {
    return { ok: false, error: { code: 'too_large', messageKey: 'errors.tooLarge', details: { limitBytes: bodyLimitBytes } } };
  }
  return { ok: true, request: { name, input: parseJson(json), token: typeof token === 'string' ? token : undefined } };
}

/** A window's push hello; undefined when malformed. */
export function parseHello(token: unknown, since: unknown): { token: string | undefined; since: number | undefined } | undefined {
  const parsed = pushHelloSchema.safeParse({ token: token ?? undefined, since: since ?? undefined });
  return parsed.success ? { token: parsed.data.token, since: parsed.data.since } : undefined;
}
