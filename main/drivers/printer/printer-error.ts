/** Why a ticket did not reach the printer, in words a hall's IT person can act on. */
export type PrinterFailure = 'refused' | 'timeout' | 'not_found' | 'unreachable' | 'busy' | 'io';

export class PrinterError extends Error {
  readonly failure: PrinterFailure;
  constructor(failure: PrinterFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrinterError';
    this.failure = failure;
  }
}

/** Node's errno code of a system error, if it has one. */
export const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
