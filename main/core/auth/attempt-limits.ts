import type { AttemptPolicy } from '../../../db/attempt-limits.ts';

/**
 * What an address on the hall LAN may get wrong before it must wait. Sign-in: a clerk who
 * mistypes a few times never meets it; a script guessing across work numbers (known or not)
 * stops after twenty. Pairing: six digits are a million codes, so ten wrong ones from an
 * address, or five against one code, stop that address or that code — not the hall's other
 * devices (the old hall-wide counter let anyone block every pairing).
 */
export const LOGIN_PER_SOURCE: AttemptPolicy = { maxFailures: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
export const PAIRING_PER_SOURCE: AttemptPolicy = { maxFailures: 10, windowMs: 10 * 60_000, blockMs: 10 * 60_000 };
export const PAIRING_PER_CODE: AttemptPolicy = { maxFailures: 5, windowMs: 10 * 60_000, blockMs: 10 * 60_000 };
