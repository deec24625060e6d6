/** The `code` of a Node system error (ENOENT, EADDRINUSE…), read without trusting the shape of what was thrown. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
