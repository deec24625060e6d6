import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../../common/identity.ts';
import { customerSchema } from '../customers/customer.ts';
import { contactPhoneSchema, creditCodeSchema, mobileSchema, residentIdSchema } from './identity-schemas.ts';

// The checks themselves are tested beside them (common/identity.test.ts); these are the intake
// form's fields built on them: message keys, normalised values, which document is checked.
const today = '2026-11-22';

/** A valid number for any region, birth date and sequence, built the way GB 11643 says. */
const residentId = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

describe('form fields', () => {
  const idField = residentIdSchema(() => today);

  it('tells the clerk which part of an ID number is wrong, by message key', () => {
    const key = (value: string) => idField.safeParse(value).error?.issues[0]?.message;
    expect(key('110105194912310021')).toBe('field.residentIdChecksum');
    expect(key('1101051949123')).toBe('field.idNumberFormat');
    expect(key(residentId('11010519990230002'))).toBe('field.residentIdBirthDate');
    expect(creditCodeSchema.safeParse('91350100M000100Y44').error?.issues[0]?.message).toBe('field.creditCodeChecksum');
    expect(mobileSchema.safeParse('1380013800').error?.issues[0]?.message).toBe('field.phoneFormat');
  });

  it('hands on the normalised value', () => {
    expect(idField.parse('11010519491231002x')).toBe('11010519491231002X');
    expect(creditCodeSchema.parse('91350100m000100y43')).toBe('91350100M000100Y43');
    expect(contactPhoneSchema.parse('0571 88886666')).toBe('0571-88886666');
  });

  it('checks a person’s ID number only when the document is a resident ID card', () => {
    const schema = customerSchema(() => today);
    const person = { kind: 'person', name: '张三', idType: 'residentId', idNumber: '11010519491231002x', mobile: '138 0013 8000' };
    expect(schema.parse(person)).toMatchObject({ idNumber: '11010519491231002X', mobile: '13800138000', accounts: [] });
    const wrong = schema.safeParse({ ...person, idNumber: '110105194912310021' });
    expect(wrong.error?.issues).toMatchObject([{ path: ['idNumber'], message: 'field.residentIdChecksum' }]);
    expect(schema.safeParse({ ...person, idType: 'passport', idNumber: 'E12345678' }).success).toBe(true);
  });

  it('takes an enterprise with a credit code and one account per utility', () => {
    const schema = customerSchema(() => today);
    const enterprise = {
      kind: 'enterprise',
      name: '福州某某有限公司',
      creditCode: '91350100M000100Y43',
      contactName: '李四',
      contactPhone: '0591-87654321',
      accounts: [
        { utility: 'water', accountNo: '1002003001' },
        { utility: 'gas', accountNo: 'G-778899' },
      ],
    };
    expect(schema.parse(enterprise)).toMatchObject({ kind: 'enterprise', accounts: [{ utility: 'water' }, { utility: 'gas' }] });
    const twice = schema.safeParse({ ...enterprise, accounts: [...enterprise.accounts, { utility: 'water', accountNo: '1' }] });
    expect(twice.error?.issues[0]?.message).toBe('field.accountPerUtility');
  });
});
