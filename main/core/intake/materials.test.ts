import { describe, expect, it } from 'vitest';
import { businessesOfBundle, snapshotFor } from '../catalogue/catalogue-snapshot.ts';
import { loadDefaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type MaterialDecision, checkMaterials } from './material-check.ts';
import { materialUnion } from './material-union.ts';

const seeded = loadDefaultCatalogue();
const today = '2026-11-23';
const unionOf = (...codes: string[]) => materialUnion(snapshotFor(codes, seeded).businesses);
const transfers = businessesOfBundle(seeded, 'propertyTransfer');

describe('the materials of one form', () => {
  it('asks once for what the four transfers share, and names who needs it', () => {
    const union = unionOf(...transfers);
    expect(union.map((m) => m.names.zh)).toEqual([
      '申请人有效身份证件',
      '营业执照（统一社会信用代码证明）',
      '授权委托书',
      '不动产权证书（房产证）或购房合同',
      '过户协议或原户主同意过户的书面材料',
      '原户结清费用凭证（缴费凭证）',
      '用水业务申请表',
      '用电业务申请表',
      '用气业务申请表',
      '通信业务登记表',
    ]);
    const idCard = union.find((m) => m.code === 'idCard');
    expect(idCard).toMatchObject({ deferrable: false, requiredBy: transfers });
    expect(idCard?.condition).toBeUndefined();
    expect(union.find((m) => m.code === 'gasApplicationForm')?.requiredBy).toEqual(['gasTransfer']);
    expect(union.find((m) => m.code === 'powerOfAttorney')?.condition?.zh).toBe('委托他人办理时');
  });

  it('lets a material be deferred only if every business that needs it allows it', () => {
    // A transfer may take the property certificate later; closing an account may not.
    const union = unionOf('waterTransfer', 'gasCloseAccount');
    expect(union.find((m) => m.code === 'propertyCertificate')).toMatchObject({
      deferrable: false,
      requiredBy: ['waterTransfer', 'gasCloseAccount'],
      notDeferrableFor: ['gasCloseAccount'],
    });
    expect(unionOf('waterTransfer', 'gasTransfer').find((m) => m.code === 'propertyCertificate')?.deferrable).toBe(true);
  });

  it('lets a material be not applicable only if every business needs it conditionally', () => {
    // Closing a gas account needs the IC card only where there is a card meter; replacing the card meter always does.
    expect(unionOf('gasCloseAccount').find((m) => m.code === 'cardMeterCard')?.condition?.zh).toBe('使用卡表时');
    expect(unionOf('gasCloseAccount', 'gasCardMeterReplacement').find((m) => m.code === 'cardMeterCard')?.condition).toBeUndefined();
  });

  it('has nothing to ask for a repair or a payment enquiry', () => {
    expect(unionOf('waterRepair', 'electricityPaymentEnquiry')).toEqual([]);
  });
});

describe('may the form be submitted', () => {
  const union = unionOf(...transfers);
  const allReceived: Record<string, MaterialDecision> = Object.fromEntries(union.map((m) => [m.code, { state: 'received' }]));
  const problems = (changes: Record<string, MaterialDecision | undefined>) =>
    checkMaterials(union, { ...allReceived, ...changes }, today).map((p) => [p.material, p.problem, p.messageKey, p.businesses]);

  it('passes when everything is received, or deferred with a promise, or not applicable where it may be', () => {
    expect(checkMaterials(union, allReceived, today)).toEqual([]);
    expect(
      problems({
        propertyCertificate: { state: 'deferred', promisedDate: '2026-11-30' },
        settlementReceipt: { state: 'deferred', promisedDate: today },
        powerOfAttorney: { state: 'na' },
        businessLicence: { state: 'na' },
        transferAgreement: { state: 'na' },
      }),
    ).toEqual([]);
  });

  it('blocks deferring the ID card, and says which businesses forbid it', () => {
    expect(problems({ idCard: { state: 'deferred', promisedDate: '2026-11-30' } })).toEqual([
      ['idCard', 'notDeferrable', 'errors.intake.materialNotDeferrable', transfers],
    ]);
  });

  it('blocks a material nobody has marked', () => {
    expect(problems({ gasApplicationForm: undefined })).toEqual([['gasApplicationForm', 'missing', 'errors.intake.materialMissing', ['gasTransfer']]]);
  });

  it('blocks a deferral without a promised date, or with a date already past', () => {
    expect(problems({ propertyCertificate: { state: 'deferred' } })).toEqual([
      ['propertyCertificate', 'promisedDateMissing', 'errors.intake.promisedDateMissing', transfers],
    ]);
    expect(problems({ propertyCertificate: { state: 'deferred', promisedDate: '2026-11-20' } })).toEqual([
      ['propertyCertificate', 'promisedDatePast', 'errors.intake.promisedDatePast', transfers],
    ]);
  });

  it('blocks marking an always-required material not applicable', () => {
    expect(problems({ idCard: { state: 'na' } })).toEqual([['idCard', 'notApplicableNotAllowed', 'errors.intake.materialAlwaysRequired', transfers]]);
  });
});
