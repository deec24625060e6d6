import type { Result } from '../../main/core/api/errors.ts';

/**
 * Whether an answer has the shape of a Result (its value is the contract's to trust). The
 * renderer's copy of main/core/api/is-result.ts: the renderer takes only types from main/.
 */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null && 'code' in value.error && 'messageKey' in value.error
  );
}
