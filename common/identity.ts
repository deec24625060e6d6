/**
 * Checks on what a customer writes on the intake form: resident ID numbers (GB 11643-1999),
 * unified social credit codes (GB 32100-2015) and phone numbers. A clerk types these from a
 * card held across the counter, so each check says which part is wrong, and input typed with
 * a Chinese IME (full-width digits, a lowercase x, spaces) is normalised before it is judged.
 * One copy for both sides: the form checks as the clerk leaves a field, the hall checks again
 * on submit, and the two cannot disagree.
 */

/** Foreigners and some compatriots carry a document other than the resident ID card; it has no checksum to verify. */
export const personIdTypes = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'foreignPermanentResident'] as const;

export type PersonIdType = (typeof personIdTypes)[number];

/** A passport or permit number: letters and digits only, as printed (after trimming). */
export const otherDocumentPattern = /^[0-9A-Za-z]{5,30}$/;

/** Full-width digits and letters to ASCII, spaces and dashes clerks add for readability removed. */
const compact = (raw: string): string => raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

const formatDay = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

// ---------------------------------------------------------------- resident ID (GB 11643)

export type ResidentIdResult =
  | { ok: true; normalized: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: 'length' | 'format' | 'region' | 'birthDate' | 'checksum' };

/** The message key (errors namespace) of each way a resident ID number can be wrong. */
export const residentIdProblemKeys = {
  length: 'field.idNumberFormat',
  format: 'field.residentIdFormat',
  region: 'field.residentIdRegion',
  birthDate: 'field.residentIdBirthDate',
  checksum: 'field.residentIdChecksum',
} as const satisfies Record<Extract<ResidentIdResult, { ok: false }>['reason'], string>;

const residentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const residentIdCheckChars = '10X98765432';

/**
 * Province-level codes of GB/T 2260 (the first two digits). 81, 82 and 83 also open the
 * residence permits of Hong Kong, Macao and Taiwan residents, which share this format.
 */
const provinceCodes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The 18th character for the first 17 digits: ISO 7064 MOD 11-2 as GB 11643 writes it. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (residentIdWeights[i] ?? 0);
  return residentIdCheckChars[sum % 11] ?? '';
}

/**
 * `today` is the hall's day (YYYY-MM-DD): a birth date after it is a typing error, never a
 * newborn, so it is refused. Without it (a contract's schema, which has no clock) only the
 * number itself is checked; the handler that stores it checks the date on the hall's day.
 */
export function validateResidentId(raw: string, today?: string): ResidentIdResult {
  const id = compact(raw);
  if (id.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  if (!provinceCodes.has(id.slice(0, 2))) return { ok: false, reason: 'region' };

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const realDate = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  const birthDate = formatDay(y, m, d);
  // 1900 is a floor, not a rule of the standard: the oldest living people were born after it.
  if (!realDate || y < 1900 || (today !== undefined && birthDate > today)) return { ok: false, reason: 'birthDate' };

  if (residentIdCheckChar(id) !== id[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, normalized: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

// ------------------------------------------------------ unified social credit code (GB 32100)

export type CreditCodeResult =
  { ok: true; normalized: string; registrationAuthority: string; entityType: string; region: string } | { ok: false; reason: 'length' | 'format' | 'checksum' };

/** The message key (errors namespace) of each way a credit code can be wrong. */
export const creditCodeProblemKeys = {
  length: 'field.creditCodeLength',
  format: 'field.creditCodeFormat',
  checksum: 'field.creditCodeChecksum',
} as const satisfies Record<Extract<CreditCodeResult, { ok: false }>['reason'], string>;

/** The 31 characters of GB 32100: digits and capitals without I, O, Z, S and V (they read like digits). */
const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The 18th character for the first 17: 31 − (Σ value × weight mod 31), and 31 is written 0. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += creditCodeAlphabet.indexOf(first17[i] ?? '') * (creditCodeWeights[i] ?? 0);
  const check = 31 - (sum % 31);
  return creditCodeAlphabet[check === 31 ? 0 : check] ?? '';
}

export function validateCreditCode(raw: string): CreditCodeResult {
  const code = compact(raw);
  if (code.length !== 18) return { ok: false, reason: 'length' };
  // Positions 3–8 are the GB/T 2260 region of registration: digits only.
  const shape = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;
  if (!shape.test(code)) return { ok: false, reason: 'format' };
  if (creditCodeCheckChar(code) !== code[17]) return { ok: false, reason: 'checksum' };
  return {
    ok: true,
    normalized: code,
    registrationAuthority: code[0] ?? '',
    entityType: code[1] ?? '',
    region: code.slice(2, 8),
  };
}

// ---------------------------------------------------------------- phone numbers

export type PhoneResult = { ok: true; normalized: string } | { ok: false; reason: 'format' };

/** Mainland mobile: 1, then 3–9, then nine digits; a +86 or 0086 prefix is dropped. */
export function validateMobile(raw: string): PhoneResult {
  const digits = compact(raw).replace(/^\+?0{0,2}86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? { ok: true, normalized: digits } : { ok: false, reason: 'format' };
}

/**
 * Landline 区号-号码, optionally with an extension (-分机). Beijing 010 and 020–029 are the only
 * three-digit area codes and every other begins 03–09 with four digits, so a number typed
 * without the dash still splits one way only; it comes back as 0571-88886666.
 */
export function validateLandline(raw: string): PhoneResult {
  const text = raw.normalize('NFKC').replace(/[\s()（）]/g, '');
  const m = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(text);
  if (!m) return { ok: false, reason: 'format' };
  const digits = `${m[1]}${m[2]}`;
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const number = digits.slice(areaLength);
  if (number.length < 7 || number.length > 8 || /^[01]/.test(number)) return { ok: false, reason: 'format' };
  return { ok: true, normalized: m[3] ? `${area}-${number}-${m[3]}` : `${area}-${number}` };
}

/** A contact phone on the form may be either kind. */
export function validatePhone(raw: string): PhoneResult {
  const mobile = validateMobile(raw);
  return mobile.ok ? mobile : validateLandline(raw);
}
