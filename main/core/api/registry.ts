import type { z } from 'zod';
import type { Logger } from '../../../common/logger.ts';
import { type Caller, LOCAL_ORIGIN, mayCall, type Origin } from './caller.ts';
import { type ApiError, AppError, type FieldError, type Result } from './errors.ts';
import type { ContractShape, MethodSpec, ParsedInputOf } from './method.ts';

export type HandlerContext = { caller: Caller; origin: Origin };

export type Handler<M extends MethodSpec> = (input: ParsedInputOf<M>, ctx: HandlerContext) => z.input<M['output']> | Promise<z.input<M['output']>>;

export type HandlersFor<C extends ContractShape> = { [K in keyof C]: Handler<C[K]> };

export type Registry = {
  register: <C extends ContractShape>(contract: C, handlers: HandlersFor<C>) => void;
  /** Throws when a declared method has no handler, so a gap fails at start-up, not in use. */
  assertComplete: () => void;
  dispatch: (name: string, input: unknown, caller: Caller, origin?: Origin) => Promise<Result<unknown>>;
  spec: (name: string) => MethodSpec | undefined;
  names: () => string[];
};

/** The locale key (errors namespace) that explains one validation issue to a clerk. */
function fieldKey(issue: z.core.$ZodIssue): string {
  // A schema may name its own message key ("field.passwordWeak").
  if (issue.message.startsWith('field.')) return issue.message;
  const origin = 'origin' in issue ? String(issue.origin) : '';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'field.required';
  if (issue.code === 'too_small') {
    if (origin === 'string') return Number(issue.minimum) <= 1 ? 'field.required' : 'field.tooShort';
    return origin === 'array' || origin === 'set' ? 'field.chooseAtLeast' : 'field.tooSmall';
  }
  if (issue.code === 'too_big') return origin === 'string' ? 'field.tooLong' : origin === 'array' ? 'field.tooMany' : 'field.tooBig';
  if (issue.code === 'invalid_type') return 'field.invalidType';
  if (issue.code === 'invalid_value') return 'field.invalidChoice';
  if (issue.code === 'unrecognized_keys') return 'field.unknownField';
  return 'field.invalid';
}

export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const params: Record<string, string | number> = {};
    if ('minimum' in issue && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')) {
      params.min = Number(issue.minimum);
    }
    if ('maximum' in issue && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')) {
      params.max = Number(issue.maximum);
    }
    const field: FieldError = { path: issue.path.map(String).join('.'), key: fieldKey(issue) };
    if (Object.keys(params).length > 0) field.params = params;
    return field;
  });
}

export function createRegistry(contract: ContractShape, logger: Logger): Registry {
  const handlers = new Map<string, Handler<MethodSpec>>();

  const failure = (error: ApiError): Result<never> => ({ ok: false, error });

  return {
    register(domain, impl) {
      for (const name of Object.keys(domain)) {
        if (!(name in contract)) throw new Error(`handler "${name}" is not in the contract`);
        if (handlers.has(name)) throw new Error(`handler "${name}" is registered twice`);
        const handler = impl[name];
        if (typeof handler !== 'function') throw new Error(`handler "${name}" is missing`);
        handlers.set(name, handler);
      }
    },
    assertComplete() {
      const missing = Object.keys(contract).filter((name) => !handlers.has(name));
      if (missing.length > 0) throw new Error(`methods without a handler: ${missing.join(', ')}`);
    },
    spec: (name) => (Object.hasOwn(contract, name) ? contract[name] : undefined),
    names: () => Object.keys(contract),
    async dispatch(name, input, caller, origin = LOCAL_ORIGIN) {
      const spec = Object.hasOwn(contract, name) ? contract[name] : undefined;
      const handler = handlers.get(name);
      if (!spec || !handler) return failure({ code: 'unknown_method', messageKey: 'errors.unknownMethod' });
      if (!mayCall(caller, spec.roles)) {
        return caller.kind === 'anonymous'
          ? failure({ code: 'unauthenticated', messageKey: 'errors.unauthenticated' })
          : failure({ code: 'forbidden', messageKey: 'errors.forbidden' });
      }
      // zod 4 leaves `input` off issues unless asked; fieldKey needs it to tell a missing
      // field (field.required) from one of the wrong type (field.invalidType).
      const parsed = spec.input.safeParse(input ?? {}, { reportInput: true });
      if (!parsed.success) {
        return failure({
          code: 'validation',
          messageKey: 'errors.validation',
          details: { fields: zodIssuesToFields(parsed.error.issues) },
        });
      }
      try {
        const value = await handler(parsed.data, { caller, origin });
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) return failure(error.apiError);
        logger.error({ err: error, method: name }, 'handler failed');
        return failure({ code: 'internal', messageKey: 'errors.internal' });
      }
    },
  };
}
