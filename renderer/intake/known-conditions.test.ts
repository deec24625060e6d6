import { describe, expect, it } from 'vitest';
import { withKnownConditions } from './known-conditions.ts';

const names = { zh: '', en: '' };
const materials = [
  { code: 'idCard' },
  { code: 'businessLicence', condition: names },
  { code: 'powerOfAttorney', condition: names },
  { code: 'householdRegister', condition: names },
];

describe('materials whose condition the form knows', () => {
  it('pre-sets the licence and the power of attorney to 不适用 for a person, leaving other materials and the clerk’s choices alone', () => {
    expect(withKnownConditions('person', materials, {})).toEqual({ businessLicence: { state: 'na' }, powerOfAttorney: { state: 'na' } });
    expect(withKnownConditions('person', materials, { powerOfAttorney: { state: 'received' } })).toEqual({
      powerOfAttorney: { state: 'received' },
      businessLicence: { state: 'na' },
    });
    expect(withKnownConditions('person', materials, { businessLicence: { state: 'na' }, powerOfAttorney: { state: 'received' } })).toBeUndefined();
  });

  it('sets nothing for an organisation and takes back a 不适用 licence, and never touches a material required outright', () => {
    expect(withKnownConditions('enterprise', materials, {})).toBeUndefined();
    expect(withKnownConditions('enterprise', materials, { businessLicence: { state: 'na' }, powerOfAttorney: { state: 'na' } })).toEqual({
      powerOfAttorney: { state: 'na' },
    });
    expect(withKnownConditions('person', [{ code: 'businessLicence' }], {})).toBeUndefined();
  });
});
