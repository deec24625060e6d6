/**
 * The form's own first look at what the clerk typed, so a wrong check digit shows as the
 * field is left rather than after 请客户签字. The hall server checks again and is the
 * authority (main/core/intake/identity.ts); the renderer may import only types from main/,
 * so the few lines of GB 11643 and GB 32100 are repeated here, and
 * test/unit/intake-id-check.test.ts holds the two to the same answers.
 * Each function returns the message key (errors namespace) of what is wrong, or undefined.
 */

const compact = (raw: string): string => raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

const provinces = new Set('11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '));
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function residentIdProblem(raw: string, today: string): string | undefined {
  const id = compact(raw);
  if (id.length !== 18) return 'field.idNumberFormat';
  if (!/^\d{17}[\dX]$/.test(id)) return 'field.residentIdFormat';
  if (!provinces.has(id.slice(0, 2))) return 'field.residentIdRegion';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!real || y < 1900 || birth > today) return 'field.residentIdBirthDate';
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * (idWeights[i] ?? 0);
  return '10X98765432'[sum % 11] === id[17] ? undefined : 'field.residentIdChecksum';
}

const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeProblem(raw: string): string | undefined {
  const code = compact(raw);
  if (code.length !== 18) return 'field.creditCodeLength';
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(code)) return 'field.creditCodeFormat';
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += creditAlphabet.indexOf(code[i] ?? '') * (creditWeights[i] ?? 0);
  const check = 31 - (sum % 31);
  return creditAlphabet[check === 31 ? 0 : check] === code[17] ? undefined : 'field.creditCodeChecksum';
}

const isMobile = (raw: string) => /^1[3-9]\d{9}$/.test(compact(raw).replace(/^\+?0{0,2}86(?=1\d{10}$)/, ''));

export function mobileProblem(raw: string): string | undefined {
  return isMobile(raw) ? undefined : 'field.phoneFormat';
}

/** A contact number: a mobile, or a landline 区号-号码 (the server normalises the dash). */
export function contactPhoneProblem(raw: string): string | undefined {
  if (isMobile(raw)) return undefined;
  const text = raw.normalize('NFKC').replace(/[\s()（）]/g, '');
  return /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/.test(text) ? undefined : 'field.contactPhoneFormat';
}

export function documentNumberProblem(raw: string): string | undefined {
  return /^[0-9A-Za-z]{5,30}$/.test(raw.trim()) ? undefined : 'field.documentNumberFormat';
}
