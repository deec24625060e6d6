import type { ApiError, Result } from '../../main/core/api/errors.ts';
import type { InputOf, OutputOf } from '../../main/core/api/method.ts';
import type { Contract, MethodName } from '../../main/core/contract.ts';
import { bridge } from './bridge.ts';
import { getToken, type SessionScope } from './session.ts';
import { isResult } from './is-result.ts';

const networkError: ApiError = { code: 'internal', messageKey: 'errors.network' };

async function overHttp(name: string, input: unknown, token: string | undefined): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await response.json();
    return isResult(body) ? body : { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
  } catch {
    return { ok: false, error: networkError };
  }
}

/**
 * The renderer's one way to call the hall: the Electron bridge when present, HTTP
 * otherwise. Typed from the contract, so a renamed method breaks the build.
 */
export async function send<K extends MethodName>(name: K, input: InputOf<Contract[K]>, scope: SessionScope = 'staff'): Promise<Result<OutputOf<Contract[K]>>> {
  const token = getToken(scope);
  const viaBridge = bridge();
  const result = viaBridge ? await viaBridge.invoke(name, input, token) : await overHttp(name, input, token);
  return result as Result<OutputOf<Contract[K]>>;
}
