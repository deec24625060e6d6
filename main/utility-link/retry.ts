/**
 * Retries with exponential backoff and full jitter (a random wait up to the doubled cap), so
 * halls that failed at the same moment do not all come back at the same moment.
 */
export type RetryPolicy = { attempts: number; baseMs: number; maxMs: number };

export const defaultRetry: RetryPolicy = { attempts: 6, baseMs: 1000, maxMs: 60_000 };

/** A failure worth trying again: the connection, a timeout, a 5xx or 429. Others stop at once. */
export class TransientError extends Error {
  readonly transient = true;
}

export const isTransient = (error: unknown): boolean => error instanceof TransientError;

export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.round(random() * cap);
}

export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  onFailure: (error: unknown, attempt: number, willRetry: boolean) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fn(attempt);
    } catch (error) {
      const willRetry = isTransient(error) && attempt + 1 < policy.attempts;
      onFailure(error, attempt, willRetry);
      if (!willRetry) throw error;
      await sleep(backoffMs(attempt, policy));
    }
  }
}

/**
 * A backoff wait that ends early, with an error, when the process is stopping: a batch cut
 * short is resent under the same id at the next run, so nothing waits for a minute-long
 * backoff on shutdown.
 */
export function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('sync stopped'));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error('sync stopped'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}
