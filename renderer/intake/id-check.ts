import {
  creditCodeProblemKeys,
  otherDocumentPattern,
  residentIdProblemKeys,
  validateCreditCode,
  validateMobile,
  validateResidentId,
} from '../../common/identity.ts';

/**
 * The form's own first look at what the clerk typed, so a wrong check digit shows as the
 * field is left rather than after 请客户签字. The hall server checks again and is the
 * authority; both run the one copy of GB 11643 and GB 32100 in common/identity.ts.
 * Each function returns the message key (errors namespace) of what is wrong, or undefined.
 */

export function residentIdProblem(raw: string, today: string): string | undefined {
  const result = validateResidentId(raw, today);
  return result.ok ? undefined : residentIdProblemKeys[result.reason];
}

export function creditCodeProblem(raw: string): string | undefined {
  const result = validateCreditCode(raw);
  return result.ok ? undefined : creditCodeProblemKeys[result.reason];
}

export function mobileProblem(raw: string): string | undefined {
  return validateMobile(raw).ok ? undefined : 'field.phoneFormat';
}

/**
 * A contact number: a mobile, or a landline 区号-号码 (the server normalises the dash). Looser
 * than the hall's validatePhone, which also splits the area code by its length (0312345678
 * passes here and is refused on submit): kept as it was, the form's first look only.
 */
export function contactPhoneProblem(raw: string): string | undefined {
  if (validateMobile(raw).ok) return undefined;
  const text = raw.normalize('NFKC').replace(/[\s()（）]/g, '');
  return /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/.test(text) ? undefined : 'field.contactPhoneFormat';
}

export function documentNumberProblem(raw: string): string | undefined {
  return otherDocumentPattern.test(raw.trim()) ? undefined : 'field.documentNumberFormat';
}
