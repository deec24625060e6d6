import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, residentIdCheckChar, validateCreditCode, validateMobile, validateResidentId } from '../../common/identity.ts';
import { creditCodeProblem, mobileProblem, residentIdProblem } from '../../renderer/intake/id-check.ts';

// The intake form checks an ID as the clerk leaves the field and the hall checks again, both
// with common/identity.ts. The two must never disagree, or the form would pass what the hall
// refuses, or block what it accepts: this holds the form's wrappers (message keys) to it.

const today = '2026-11-23';
const residentKeys = {
  length: 'field.idNumberFormat',
  format: 'field.residentIdFormat',
  region: 'field.residentIdRegion',
  birthDate: 'field.residentIdBirthDate',
  checksum: 'field.residentIdChecksum',
} as const;
const creditKeys = { length: 'field.creditCodeLength', format: 'field.creditCodeFormat', checksum: 'field.creditCodeChecksum' } as const;

const serverResident = (raw: string) => {
  const r = validateResidentId(raw, today);
  return r.ok ? undefined : residentKeys[r.reason];
};
const serverCredit = (raw: string) => {
  const r = validateCreditCode(raw);
  return r.ok ? undefined : creditKeys[r.reason];
};

/** A deterministic spread of inputs: valid numbers, each one wrong in one way, and typing quirks. */
function residentSamples(): string[] {
  const out: string[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 300; i += 1) {
    const region = ['110105', '500112', '440305', '810000', '990101', '310115'][next() % 6];
    const year = 1890 + (next() % 140);
    const month = String(1 + (next() % 13)).padStart(2, '0');
    const day = String(1 + (next() % 31)).padStart(2, '0');
    const seq = String(next() % 1000).padStart(3, '0');
    const first17 = `${region}${year}${month}${day}${seq}`;
    const valid = `${first17}${residentIdCheckChar(first17)}`;
    out.push(
      valid,
      `${first17}${valid.endsWith('1') ? '2' : '1'}`,
      valid.slice(0, 17),
      `${valid}0`,
      valid.toLowerCase(),
      ` ${valid.slice(0, 6)} ${valid.slice(6)} `,
    );
    out.push(valid.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
    out.push(`${first17.slice(0, 10)}A${first17.slice(11)}${valid[17]}`);
  }
  return out;
}

function creditSamples(): string[] {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const out: string[] = [];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 300; i += 1) {
    const head = `${alphabet[next() % 31]}${alphabet[next() % 31]}${String(next() % 1_000_000).padStart(6, '0')}`;
    const tail = Array.from({ length: 9 }, () => alphabet[next() % 31]).join('');
    const first17 = `${head}${tail}`;
    const valid = `${first17}${creditCodeCheckChar(first17)}`;
    const wrongCheck = alphabet[(alphabet.indexOf(valid[17] ?? '0') + 1) % 31];
    out.push(
      valid,
      `${first17}${wrongCheck}`,
      valid.slice(0, 17),
      valid.toLowerCase(),
      `${first17.slice(0, 16)}I${valid[17]}`,
      `${first17.slice(0, 3)}Z${first17.slice(4)}${valid[17]}`,
    );
  }
  return out;
}

describe("the intake form's ID checks agree with the hall's", () => {
  it('resident ID numbers (GB 11643), with X, wrong checksum, length, region and birth date', () => {
    const samples = residentSamples();
    expect(samples.filter((s) => serverResident(s) === undefined).length).toBeGreaterThan(50);
    expect(new Set(samples.map(serverResident))).toEqual(new Set([undefined, ...Object.values(residentKeys)]));
    expect(samples.filter((s) => residentIdProblem(s, today) !== serverResident(s))).toEqual([]);
  });

  it('the X check character is accepted, and any other letter is not', () => {
    const first17 = withCheckX();
    expect(residentIdProblem(`${first17}X`, today)).toBeUndefined();
    expect(residentIdProblem(`${first17}x`, today)).toBeUndefined();
    expect(residentIdProblem(`${first17}Y`, today)).toBe('field.residentIdFormat');
  });

  it('unified social credit codes (GB 32100)', () => {
    const samples = creditSamples();
    expect(new Set(samples.map(serverCredit))).toEqual(new Set([undefined, ...Object.values(creditKeys)]));
    expect(samples.filter((s) => creditCodeProblem(s) !== serverCredit(s))).toEqual([]);
  });

  it('mobile numbers', () => {
    const samples = [
      '13912345678',
      '+8613912345678',
      '008613912345678',
      '139 1234 5678',
      '12912345678',
      '1391234567',
      '139123456789',
      '０１３９',
      '１３９１２３４５６７８',
    ];
    expect(samples.filter((s) => (mobileProblem(s) === undefined) !== validateMobile(s).ok)).toEqual([]);
  });
});

/** The first 17 digits of a real-looking number whose check character is X. */
function withCheckX(): string {
  for (let seq = 0; seq < 1000; seq += 1) {
    const first17 = `11010519900307${String(seq).padStart(3, '0')}`;
    if (residentIdCheckChar(first17) === 'X') return first17;
  }
  throw new Error('no sample with X');
}
