import { describe, expect, it } from 'vitest';
import { businessesOfBundle, snapshotFor } from '../catalogue/catalogue-snapshot.ts';
import { loadDefaultCatalogue } from '../catalogue/default-catalogue.ts';
import { feeLines } from './fee-lines.ts';

const seeded = loadDefaultCatalogue();
const feesOf = (codes: string[], choices?: Parameters<typeof feeLines>[1]) => feeLines(snapshotFor(codes, seeded).businesses, choices);

describe('the itemised fee list', () => {
  it('costs nothing for the four transfers', () => {
    const list = feesOf(businessesOfBundle(seeded, 'propertyTransfer'));
    expect(list.totalFen).toBe(0);
    expect(list.hasOptional).toBe(false);
  });

  it('lists optional items for a new home, but charges only those the customer chooses', () => {
    const offered = feesOf(businessesOfBundle(seeded, 'newHome'));
    expect(offered.hasOptional).toBe(true);
    expect(offered.totalFen).toBe(0);
    const gas = offered.utilities.find((u) => u.utility === 'gas');
    expect(gas?.lines.map((l) => [l.names.zh, l.priceFen, l.mandatory, l.included])).toEqual([
      ['燃气泄漏报警器（自愿选购）', 19800, false, false],
      ['燃气灶具金属连接软管（自愿选购）', 6000, false, false],
    ]);

    const chosen = feesOf(businessesOfBundle(seeded, 'newHome'), { optionalChosen: ['gasNewConnection.gasAlarm'] });
    expect(chosen.totalFen).toBe(19800);
    expect(chosen.utilities.map((u) => [u.utility, u.totalFen])).toEqual([
      ['water', 0],
      ['electricity', 0],
      ['gas', 19800],
      ['telecom', 0],
    ]);
  });

  it('groups by utility, each line with unit, quantity and legal basis', () => {
    const list = feesOf(['waterMeterTest', 'gasMeterTest'], { quantities: { 'gasMeterTest.meterTestFee': 2 } });
    expect(list.utilities.map((u) => [u.utilityNames.zh, u.totalFen])).toEqual([
      ['供水', 5000],
      ['燃气', 12000],
    ]);
    expect(list.totalFen).toBe(17000);
    expect(list.utilities[1]?.lines[0]).toMatchObject({ unit: { zh: '块' }, quantity: 2, amountFen: 12000, legalBasis: expect.stringContaining('计量法') });
  });

  it('prices a card-meter replacement as the remote meter less the card meter’s remaining life', () => {
    // 400 yuan remote meter, 40 yuan credit per remaining year: 4 years left → 240 yuan.
    const list = feesOf(['gasCardMeterReplacement'], { quantities: { 'gasCardMeterReplacement.cardMeterResidualValue': 4 } });
    expect(list.utilities[0]?.lines.map((l) => [l.fee, l.amountFen])).toEqual([
      ['remoteMeter', 40000],
      ['cardMeterResidualValue', -16000],
    ]);
    expect(list.totalFen).toBe(24000);
    // Until the clerk enters the remaining years, no credit is assumed.
    expect(feesOf(['gasCardMeterReplacement']).totalFen).toBe(40000);
  });

  it('never lets a deduction take a business below zero', () => {
    const list = feesOf(['gasCardMeterReplacement'], { quantities: { 'gasCardMeterReplacement.cardMeterResidualValue': 12 } });
    expect(list.totalFen).toBe(0);
    expect(list.utilities[0]?.deductionCappedFen).toBe(8000);
  });
});
