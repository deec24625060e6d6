/**
 * Errors cross every boundary as data. `messageKey` is an i18next key under
 * resources/locales/<lang>/errors.json; `details` carries what the message needs
 * (field errors, a lock-out time) and never personal data.
 */
export type ErrorCode =
  | 'validation'
  | 'malformed'
  | 'too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'unknown_method'
  | 'conflict'
  | 'locked'
  | 'setup_required'
  | 'already_set_up'
  | 'internal';

export type FieldError = { path: string; key: string; params?: Record<string, string | number> };

export type ApiError = {
  code: ErrorCode;
  messageKey: string;
  details?: { fields?: FieldError[] } & Record<string, unknown>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  readonly apiError: ApiError;
  constructor(code: ErrorCode, messageKey: string, details?: ApiError['details']) {
    super(`${code}: ${messageKey}`);
    this.apiError = details === undefined ? { code, messageKey } : { code, messageKey, details };
  }
}

export const fail = (code: ErrorCode, messageKey: string, details?: ApiError['details']): never => {
  throw new AppError(code, messageKey, details);
};

/** HTTP status for each code, used only by the HTTP transport. */
export const httpStatus: Record<ErrorCode, number> = {
  validation: 400,
  malformed: 400,
  too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  locked: 423,
  setup_required: 409,
  already_set_up: 409,
  internal: 500,
};
