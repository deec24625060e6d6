/**
 * What support must never receive from a hall: ID numbers, phone numbers, names. Log lines are
 * scanned for the shapes of a 居民身份证 number (18 characters, the last a digit or X) and of a
 * mainland mobile number (11 digits from 13x to 19x, optionally after +86), and values of fields
 * that hold a person's name, phone, ID or address are blanked whatever they look like.
 */
const idNumber = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const mobile = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
// JSON log fields whose value is a person's data (pino lines are JSON; names in Chinese have no other shape to find).
const personalField =
  /"(name|customerName|applicantName|contactName|clerkName|staffName|realName|phone|mobile|tel|idNumber|idNo|certNo|address)"\s*:\s*"(?:[^"\\]|\\.)*"/gi;

export function redactPersonalData(text: string): string {
  return text
    .replace(personalField, (_match, key: string) => `"${key}":"[removed]"`)
    .replace(idNumber, '[id-number]')
    .replace(mobile, '[phone]');
}

/** Keys whose values are secrets: the PIN's hash, keys, passwords, tokens. */
const secretKey = /pin|hash|secret|password|token|key|salt|seal/i;

/** A copy of settings without any secret, for support to see how a PC is set up. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, secretKey.test(key) ? '[removed]' : withoutSecrets(inner)]));
  }
  return value;
}
