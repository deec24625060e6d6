import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Session tokens are stored only as hashes: a copied database opens no session. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Six digits a manager reads out to whoever sets up a kiosk or display. */
export const newPairingCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
