import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadDefaultCatalogue } from '../../main/core/catalogue/default-catalogue.ts';
import { feeNoticeText } from '../../renderer/catalogue/fee-notice.ts';

const locales = join(import.meta.dirname, '..', '..', 'resources', 'locales');
const words = async (lng: string) => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { [lng]: { catalogueDesk: JSON.parse(readFileSync(join(locales, lng, 'catalogueDesk.json'), 'utf8')) } },
    interpolation: { escapeValue: false },
  });
  const fixed = i18n.getFixedT(lng);
  return (key: string, values?: Record<string, string>) => fixed(key, values ?? {});
};

describe('the fee standards notice', () => {
  it('lists the mandatory priced fees per utility in each language, within what a notice holds', async () => {
    const { catalogue } = loadDefaultCatalogue();
    const zh = feeNoticeText(catalogue, 'zh', await words('zh-CN'));
    const en = feeNoticeText(catalogue, 'en', await words('en-US'));
    expect(zh.startsWith('收费标准公示 — ')).toBe(true);
    expect(en.startsWith('Fee standards — ')).toBe(true);
    expect(zh.length).toBeLessThanOrEqual(500);
    expect(en.length).toBeLessThanOrEqual(500);
    const fees = catalogue.businesses.flatMap((b) => b.fees);
    const mandatory = fees.find((f) => f.mandatory && f.priceFen > 0);
    if (!mandatory) throw new Error('the default catalogue has a mandatory priced fee');
    expect(zh).toContain(`${mandatory.names.zh}${mandatory.priceFen / 100}元/${mandatory.unit.zh}`);
    const optionalOnly = fees.filter((f) => !f.mandatory && f.priceFen > 0).find((f) => !fees.some((g) => g.mandatory && g.names.zh === f.names.zh));
    if (optionalOnly) expect(zh).not.toContain(optionalOnly.names.zh);
  });
});
