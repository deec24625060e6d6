import { z } from 'zod';
import {
  creditCodeProblemKeys,
  residentIdProblemKeys,
  validateCreditCode,
  validateMobile,
  validatePhone,
  validateResidentId,
} from '../../../common/identity.ts';

/**
 * zod fields for the intake form. Each names the message key of what is wrong (the form shows
 * "校验位不正确" rather than "填写不正确") and hands the handler the normalised value
 * (uppercase X, no spaces, full-width digits made ASCII), so what is stored is always one form.
 */

/**
 * `today` gives the hall's day, so a birth date "in the future" is judged on the hall's calendar;
 * a contract's schema has no clock and leaves that check to the handler (upsertCustomer).
 */
export const residentIdSchema = (today: () => string | undefined = () => undefined) =>
  z
    .string()
    .superRefine((value, ctx) => {
      const result = validateResidentId(value, today());
      if (!result.ok) ctx.addIssue({ code: 'custom', message: residentIdProblemKeys[result.reason] });
    })
    .overwrite((value) => {
      const result = validateResidentId(value, today());
      return result.ok ? result.normalized : value;
    });

export const creditCodeSchema = z
  .string()
  .superRefine((value, ctx) => {
    const result = validateCreditCode(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: creditCodeProblemKeys[result.reason] });
  })
  .overwrite((value) => {
    const result = validateCreditCode(value);
    return result.ok ? result.normalized : value;
  });

const phoneField = (validate: typeof validateMobile, message: string) =>
  z
    .string()
    .refine((value) => validate(value).ok, { message })
    .overwrite((value) => {
      const result = validate(value);
      return result.ok ? result.normalized : value;
    });

export const mobileSchema = phoneField(validateMobile, 'field.phoneFormat');
/** A contact number: mobile or landline. */
export const contactPhoneSchema = phoneField(validatePhone, 'field.contactPhoneFormat');
