import type { Result } from './errors.ts';

/** Whether an answer from another process (a hall over HTTP, a worker) has the shape of a Result; its value is still to be parsed. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null && 'code' in value.error && 'messageKey' in value.error
  );
}
