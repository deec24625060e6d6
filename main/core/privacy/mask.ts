/** Personal data shown in lists, exports and on screens is masked; the full value is an audited view. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 500112199001011234 → 500112********1234. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return id.length >= 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '****';
}

/** A person's ID number and phone as every list shows them (an empty text for none). */
export function maskedContact(person: { idNumber: string | null; phone: string | null }): { idMasked: string; phoneMasked: string } {
  return { idMasked: maskIdNumber(person.idNumber) ?? '', phoneMasked: maskPhone(person.phone) ?? '' };
}

const PHONE_KEY = /phone|mobile/i;
const ID_KEY = /^id_?number$|idNumber$/i;

/** How a field shows in a list: masked when its name says phone or ID number. */
const maskedValue = (key: string, value: string): string | null => (PHONE_KEY.test(key) ? maskPhone(value) : ID_KEY.test(key) ? maskIdNumber(value) : value);

/** A record as a list may show it: every phone and ID number inside it masked, at any depth. */
export function maskRecord(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskRecord);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeof v === 'string' ? maskedValue(key, v) : maskRecord(v)]));
}

/**
 * A correction of a masked record (a manager edits what maskRecord showed): every value still
 * masked is the original's, so a correction never sends "138****5678" on to a utility.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function unmaskFrom(corrected: unknown, original: unknown): unknown {
  if (Array.isArray(corrected)) return corrected.map((v, i) => unmaskFrom(v, Array.isArray(original) ? original[i] : undefined));
  if (corrected === null || typeof corrected !== 'object') return corrected;
  const source = isRecord(original) ? original : {};
  return Object.fromEntries(
    Object.entries(corrected).map(([key, v]) => {
      const was = source[key];
      const shownAs = typeof was === 'string' ? maskedValue(key, was) : undefined;
      if (typeof v === 'string' && shownAs !== undefined && shownAs !== was && v === shownAs) return [key, was];
      return [key, unmaskFrom(v, was)];
    }),
  );
}
