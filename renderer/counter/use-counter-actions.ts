import { useCallback, useState } from 'react';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { InputOf, OutputOf } from '../../main/core/api/method.ts';
import type { Contract, MethodName } from '../../main/core/contract.ts';
import { send } from '../api/client.ts';

/**
 * Runs the counter's queue operations one at a time. Whatever the answer, the screen
 * reloads the queue afterwards: a refusal usually means it was out of date.
 */
export function useCounterActions(reload: () => void) {
  const [error, setError] = useState<ApiError>();
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async <K extends MethodName>(name: K, input: InputOf<Contract[K]>): Promise<{ ok: true; value: OutputOf<Contract[K]> } | { ok: false }> => {
      setPending(true);
      const result = await send(name, input, 'staff');
      setPending(false);
      reload();
      if (result.ok) {
        setError(undefined);
        return { ok: true, value: result.value };
      }
      setError(result.error);
      return { ok: false };
    },
    [reload],
  );
  return { run, error, pending, clearError: () => setError(undefined) };
}
