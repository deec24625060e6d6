import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Session tokens are stored only as hashes: a copied database opens no session. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Six digits a manager reads out to whoever sets up a kiosk or display. */
export const newPairingCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The first-run code the hall server prints on its console: eight digits, read as 1234-5678. */
export const newSetupCode = (): string =>
  String(randomInt(0, 100_000_000))
    .padStart(8, '0')
    .replace(/^(\d{4})/, '$1-');

/** Compares two secrets digit by digit in constant time; separators and spaces do not count. */
export function sameDigits(given: string, expected: string): boolean {
  const a = Buffer.from(given.replace(/\D/g, ''));
  const b = Buffer.from(expected.replace(/\D/g, ''));
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
