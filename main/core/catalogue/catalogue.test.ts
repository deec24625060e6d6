import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors.ts';
import { type Business, type CatalogueInput, businessKinds, catalogueSchema } from './catalogue.ts';
import { exportCatalogue, importCatalogue, publishCatalogue } from './catalogue-file.ts';
import { businessesOfBundle, snapshotFor } from './catalogue-snapshot.ts';
import { loadDefaultCatalogue } from './default-catalogue.ts';
import { feeLines } from '../intake/fee-lines.ts';

const seeded = loadDefaultCatalogue();
const business = (code: string): Business => {
  const found = seeded.catalogue.businesses.find((b) => b.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};

describe('the seeded default catalogue', () => {
  it('validates, as version 1, with water, electricity, gas and telecom', () => {
    expect(seeded.version).toBe(1);
    expect(seeded.catalogue.utilities.map((u) => `${u.short} ${u.names.zh}`)).toEqual(['水 供水', '电 供电', '气 燃气', '讯 通信']);
  });

  it('has all twelve business kinds for each of the four utilities', () => {
    expect(seeded.catalogue.businesses).toHaveLength(48);
    for (const utility of ['water', 'electricity', 'gas', 'telecom']) {
      const kinds = seeded.catalogue.businesses.filter((b) => b.utility === utility).map((b) => b.kind);
      expect(kinds.sort()).toEqual([...businessKinds].sort());
    }
  });

  it('never lets identity, authority or the signed form be deferred', () => {
    const strict = [
      'idCard',
      'businessLicence',
      'powerOfAttorney',
      'waterApplicationForm',
      'electricityApplicationForm',
      'gasApplicationForm',
      'telecomApplicationForm',
    ];
    const deferred = seeded.catalogue.businesses.flatMap((b) =>
      b.materials.filter((m) => strict.includes(m.code) && m.deferrable).map((m) => `${b.code}.${m.code}`),
    );
    expect(deferred).toEqual([]);
    // …while the property certificate may follow later on a transfer, against a promised date.
    expect(business('gasTransfer').materials.find((m) => m.code === 'propertyCertificate')?.deferrable).toBe(true);
  });

  it('takes its time limits from the work plans', () => {
    expect(business('gasNewConnection').timeLimitWorkingDays).toBe(3); // Wuhan 3.0: standard projects, 2 stages
    expect(business('gasNewConnection').stages.map((s) => [s.names.zh, s.limitWorkingDays])).toEqual([
      ['窗口受理派单', 0],
      ['用气申请', 1],
      ['验收通气', 2],
    ]);
    expect(business('electricityNewConnection').timeLimitWorkingDays).toBeLessThanOrEqual(5); // State Grid residential
    expect(business('waterTransfer').timeLimitWorkingDays).toBe(1);
  });

  it('prices in whole fen, and says on what basis each fee is charged', () => {
    const fees = seeded.catalogue.businesses.flatMap((b) => b.fees);
    expect(fees.length).toBeGreaterThan(5);
    for (const f of fees) {
      expect(Number.isInteger(f.priceFen)).toBe(true);
      expect(f.legalBasis.length).toBeGreaterThan(5);
    }
    // Transfers, renames and closures cost nothing.
    expect(business('waterTransfer').fees).toEqual([]);
  });

  it('bundles the four transfers and the four new connections', () => {
    expect(businessesOfBundle(seeded, 'propertyTransfer')).toEqual(['waterTransfer', 'electricityTransfer', 'gasTransfer', 'telecomTransfer']);
    expect(businessesOfBundle(seeded, 'newHome')).toEqual(['waterNewConnection', 'electricityNewConnection', 'gasNewConnection', 'telecomNewConnection']);
  });
});

describe('catalogue rules a manager’s edit must keep', () => {
  const edited = (change: (c: CatalogueInput) => void) => {
    const copy: CatalogueInput = structuredClone(seeded.catalogue);
    change(copy);
    return catalogueSchema.safeParse(copy).error?.issues.map((i) => [i.path.join('.'), i.message]);
  };
  const gasConnection = seeded.catalogue.businesses.findIndex((b) => b.code === 'gasNewConnection');

  it('refuses stages that add up to more than the time limit', () => {
    expect(edited((c) => (c.businesses[gasConnection]!.timeLimitWorkingDays = 2))).toEqual([
      [`businesses.${gasConnection}.stages`, 'field.stagesExceedTimeLimit'],
    ]);
  });

  it('refuses a material, utility or bundle member that does not exist', () => {
    expect(
      edited((c) => {
        c.businesses[gasConnection]!.materials.push({ code: 'marriageCertificate', deferrable: true });
        c.businesses[gasConnection]!.utility = 'heating';
        c.bundles[0]!.businessCodes.push('heatingTransfer');
      }),
    ).toEqual([
      [`businesses.${gasConnection}.utility`, 'field.unknownUtility'],
      [`businesses.${gasConnection}.materials.5.code`, 'field.unknownMaterial'],
      ['bundles.0.businessCodes.4', 'field.unknownBusiness'],
    ]);
  });

  it('takes a new utility such as heating', () => {
    expect(
      edited((c) => {
        c.utilities.push({ code: 'heating', names: { zh: '供暖', en: 'Heating' }, short: '暖' });
        c.businesses.push({ ...structuredClone(seeded.catalogue.businesses[gasConnection]!), code: 'heatingNewConnection', utility: 'heating' });
      }),
    ).toBeUndefined();
  });

  it('refuses a duplicate code', () => {
    const rename = seeded.catalogue.businesses.findIndex((b) => b.code === 'waterRename');
    const repair = seeded.catalogue.businesses.findIndex((b) => b.code === 'waterRepair');
    // The second of the two is the one reported.
    expect(edited((c) => (c.businesses[rename]!.code = 'waterRepair'))).toEqual([[`businesses.${Math.max(rename, repair)}.code`, 'field.duplicateCode']]);
  });

  it('refuses a price that is not whole fen', () => {
    expect(edited((c) => (c.businesses[gasConnection]!.fees[0]!.priceFen = 198.5))?.map(([path]) => path)).toEqual([
      `businesses.${gasConnection}.fees.0.priceFen`,
    ]);
  });
});

describe('versions: an application keeps the rules and prices it was made under', () => {
  it('a case accepted under version 1 keeps its meter-test price after version 2 raises it', () => {
    const accepted = snapshotFor(['gasMeterTest'], seeded);
    expect(feeLines(accepted.businesses).totalFen).toBe(6000);

    const next = structuredClone(seeded.catalogue);
    const testFee = next.businesses.find((b) => b.code === 'gasMeterTest')?.fees[0];
    if (!testFee) throw new Error('seed changed');
    testFee.priceFen = 8000;
    const v2 = publishCatalogue(seeded, next, new Date('2027-01-01T00:00:00Z'));

    expect(v2.version).toBe(2);
    expect(feeLines(snapshotFor(['gasMeterTest'], v2).businesses).totalFen).toBe(8000);
    expect(accepted.catalogueVersion).toBe(1);
    expect(feeLines(accepted.businesses).totalFen).toBe(6000);
  });

  it('a snapshot is a copy: editing the catalogue object afterwards does not reach it', () => {
    const catalogue = structuredClone(seeded);
    const accepted = snapshotFor(['waterNewConnection'], catalogue);
    catalogue.catalogue.businesses[0]!.timeLimitWorkingDays = 30;
    catalogue.catalogue.materials[0]!.names.zh = '改过的名字';
    expect(accepted.businesses[0]?.timeLimitWorkingDays).toBe(5);
    expect(accepted.businesses[0]?.materials[0]?.names.zh).toBe('申请人有效身份证件');
  });

  it('a published version does not change when the editor’s object does', () => {
    const draft = structuredClone(seeded.catalogue);
    const v2 = publishCatalogue(seeded, draft, new Date('2027-01-01T00:00:00Z'));
    draft.businesses[0]!.timeLimitWorkingDays = 30;
    expect(v2.catalogue.businesses[0]?.timeLimitWorkingDays).toBe(5);
  });

  it('refuses a business the catalogue does not have, or has switched off', () => {
    const error = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof AppError ? e.apiError : e;
      }
      return undefined;
    };
    expect(error(() => snapshotFor(['waterTransfer', 'heatingTransfer'], seeded))).toEqual({
      code: 'not_found',
      messageKey: 'errors.intake.businessNotFound',
      details: { businesses: ['heatingTransfer'] },
    });
    const off = structuredClone(seeded);
    off.catalogue.businesses[0]!.active = false;
    expect(error(() => snapshotFor([off.catalogue.businesses[0]!.code], off))).toMatchObject({
      code: 'conflict',
      messageKey: 'errors.intake.businessInactive',
    });
  });
});

describe('import and export as JSON', () => {
  it('round-trips the catalogue unchanged', () => {
    const text = exportCatalogue(seeded);
    expect(text).toContain('"format": "onewindow.catalogue"');
    expect(importCatalogue(text)).toEqual({ ok: true, value: seeded });
  });

  it('refuses a file that is not JSON', () => {
    expect(importCatalogue('{"format": "onewindow.catalogue",')).toMatchObject({
      ok: false,
      error: { code: 'malformed', messageKey: 'errors.intake.fileNotJson' },
    });
  });

  it('refuses another kind of file by its header', () => {
    const result = importCatalogue(JSON.stringify({ year: 2027, holidays: [], workdays: [] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details?.fields?.map((f) => f.path)).toEqual(['format', 'formatVersion', 'version', 'publishedAt', 'catalogue']);
  });

  it('names the business and fee where a malformed file is wrong', () => {
    const file = JSON.parse(exportCatalogue(seeded));
    const gasMeterTest = file.catalogue.businesses.find((b: { code: string }) => b.code === 'gasMeterTest');
    gasMeterTest.fees[0].priceFen = '60元';
    delete gasMeterTest.fees[0].legalBasis;
    const result = importCatalogue(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'errors.intake.catalogueInvalid' } });
    if (result.ok) return;
    expect(result.error.details?.fields).toEqual([
      {
        path: `catalogue.businesses.${file.catalogue.businesses.indexOf(gasMeterTest)}.fees.0.priceFen`,
        key: 'field.invalidType',
        params: { where: 'catalogue.businesses[gasMeterTest].fees[meterTestFee].priceFen' },
      },
      {
        path: `catalogue.businesses.${file.catalogue.businesses.indexOf(gasMeterTest)}.fees.0.legalBasis`,
        key: 'field.required',
        params: { where: 'catalogue.businesses[gasMeterTest].fees[meterTestFee].legalBasis' },
      },
    ]);
  });
});
