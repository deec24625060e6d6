import { type Agent, request } from 'node:http';

/**
 * POSTs a JSON body and resolves with the status and parsed body. node:http rather
 * than fetch: fetch loads undici lazily on first use, which would land in the first
 * timed sample of the parent, not the child; and the client's own cost stays small
 * and steady. No agent: a fresh connection per call; a keep-alive agent: httpClient.
 */
export function postJson(url: string, body: unknown, options: { agent?: Agent; token?: string | undefined } = {}): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify(body);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: options.agent ?? false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
