import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, residentIdCheckChar, validateCreditCode, validateLandline, validateMobile, validateResidentId } from './identity.ts';

const today = '2026-11-22';

/** A valid number for any region, birth date and sequence, built the way GB 11643 says. */
const residentId = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
/** Swap the check character for another one, so only the checksum is wrong. */
const withWrongCheck = (id: string) => `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the standard’s own sample, whose check character is X', () => {
    expect(validateResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts a lowercase x, full-width digits and spaces, and stores the normalised number', () => {
    expect(validateResidentId('11010519491231002x', today)).toMatchObject({ ok: true, normalized: '11010519491231002X' });
    expect(validateResidentId('１１０１０５１９４９１２３１００２Ｘ', today)).toMatchObject({ ok: true, normalized: '11010519491231002X' });
    expect(validateResidentId('110105 19491231 002X', today)).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it('accepts numbers built from the algorithm and reads birth date and sex from them', () => {
    const man = residentId('50011219900101123'); // 17th digit 3: odd, a man
    const woman = residentId('44030420000229002'); // born on a leap day
    expect(man).toBe('500112199001011239');
    expect(validateResidentId(man, today)).toEqual({ ok: true, normalized: man, birthDate: '1990-01-01', sex: 'male' });
    expect(validateResidentId(woman, today)).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: 'female' });
  });

  it('refuses a wrong check character, including an X where a digit belongs', () => {
    expect(validateResidentId('110105194912310021', today)).toEqual({ ok: false, reason: 'checksum' });
    expect(validateResidentId(withWrongCheck(residentId('50011219900101123')), today)).toEqual({ ok: false, reason: 'checksum' });
    expect(validateResidentId('50011219900101123X', today)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses a number of the wrong length, among them the old 15-digit numbers', () => {
    expect(validateResidentId('11010519491231002', today)).toEqual({ ok: false, reason: 'length' });
    expect(validateResidentId('11010519491231002X1', today)).toEqual({ ok: false, reason: 'length' });
    expect(validateResidentId('110105491231002', today)).toEqual({ ok: false, reason: 'length' });
    expect(validateResidentId('', today)).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses letters, and an X anywhere but last', () => {
    expect(validateResidentId('1101051949123X0021', today)).toEqual({ ok: false, reason: 'format' });
    expect(validateResidentId('11010519491231002Y', today)).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses a region that is no province', () => {
    expect(validateResidentId(residentId('99010519491231002'), today)).toEqual({ ok: false, reason: 'region' });
  });

  it('refuses impossible and future birth dates even when the checksum fits', () => {
    expect(validateResidentId(residentId('11010519990230002'), today)).toEqual({ ok: false, reason: 'birthDate' }); // 30 February
    expect(validateResidentId(residentId('11010519990229002'), today)).toEqual({ ok: false, reason: 'birthDate' }); // 1999 is no leap year
    expect(validateResidentId(residentId('11010519991301002'), today)).toEqual({ ok: false, reason: 'birthDate' }); // month 13
    expect(validateResidentId(residentId('11010520261123002'), today)).toEqual({ ok: false, reason: 'birthDate' }); // tomorrow
    expect(validateResidentId(residentId('11010520261122002'), today)).toMatchObject({ ok: true }); // born today
    expect(validateResidentId(residentId('11010518991231002'), today)).toEqual({ ok: false, reason: 'birthDate' });
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts the sample 91350100M000100Y43, whose check character is 3', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      normalized: '91350100M000100Y43',
      registrationAuthority: '9',
      entityType: '1',
      region: '350100',
    });
  });

  it('accepts codes built from the algorithm, lowercase and with spaces', () => {
    const code = `91440300MA5DC2U25${creditCodeCheckChar('91440300MA5DC2U25')}`;
    expect(validateCreditCode(code)).toMatchObject({ ok: true, normalized: code });
    expect(validateCreditCode(` ${code.toLowerCase().slice(0, 9)} ${code.toLowerCase().slice(9)}`)).toMatchObject({ ok: true, normalized: code });
  });

  it('writes a check value of 31 as 0', () => {
    // Search for a body whose weighted sum is a multiple of 31: its check character is 0, never "31".
    const body = Array.from({ length: 31 }, (_, i) => `9135010000000010${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`).find((b) => creditCodeCheckChar(b) === '0');
    expect(body).toBeDefined();
    expect(validateCreditCode(`${body}0`)).toMatchObject({ ok: true });
  });

  it('refuses a wrong check character', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateCreditCode('91350100M000100Y4X')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses the wrong length', () => {
    expect(validateCreditCode('91350100M000100Y4')).toEqual({ ok: false, reason: 'length' });
    expect(validateCreditCode('91350100M000100Y431')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses I, O, Z, S and V, and letters in the region digits', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(validateCreditCode(`91350100M000100${letter}43`)).toEqual({ ok: false, reason: 'format' });
    }
    expect(validateCreditCode('9135A100M000100Y43')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('phone numbers', () => {
  it('accepts mainland mobiles, with or without +86 and spaces', () => {
    expect(validateMobile('13800138000')).toEqual({ ok: true, normalized: '13800138000' });
    expect(validateMobile('+86 138 0013 8000')).toEqual({ ok: true, normalized: '13800138000' });
    expect(validateMobile('19912345678')).toMatchObject({ ok: true });
  });

  it('refuses mobiles of the wrong length or prefix', () => {
    expect(validateMobile('1380013800')).toEqual({ ok: false, reason: 'format' });
    expect(validateMobile('12800138000')).toEqual({ ok: false, reason: 'format' });
    expect(validateMobile('23800138000')).toEqual({ ok: false, reason: 'format' });
  });

  it('accepts landlines as 区号-号码 and splits a number typed without the dash', () => {
    expect(validateLandline('0571-88886666')).toEqual({ ok: true, normalized: '0571-88886666' });
    expect(validateLandline('057188886666')).toEqual({ ok: true, normalized: '0571-88886666' });
    expect(validateLandline('01088886666')).toEqual({ ok: true, normalized: '010-88886666' });
    expect(validateLandline('(020)83456789')).toEqual({ ok: true, normalized: '020-83456789' });
    expect(validateLandline('023-6789012-8001')).toEqual({ ok: true, normalized: '023-6789012-8001' });
  });

  it('refuses landlines without an area code or with a short number', () => {
    expect(validateLandline('88886666')).toEqual({ ok: false, reason: 'format' });
    expect(validateLandline('0571-88866')).toEqual({ ok: false, reason: 'format' });
    expect(validateLandline('0571-08886666')).toEqual({ ok: false, reason: 'format' });
  });
});
