import type { Catalogue } from '../../main/core/catalogue/catalogue.ts';

const MAX = 500;

/** The words of the notice in one language: i18next's t fixed to that language. */
export type NoticeWords = (key: string, values?: Record<string, string>) => string;

/**
 * The fee standards as a line for the calling board's scrolling notices (收费标准公示), in
 * one language: mandatory priced fees per utility, cut to what a notice holds (500 characters).
 */
export function feeNoticeText(catalogue: Catalogue, lang: 'zh' | 'en', t: NoticeWords): string {
  const parts: string[] = [];
  for (const utility of catalogue.utilities) {
    const fees = catalogue.businesses
      .filter((b) => b.utility === utility.code && b.active !== false)
      .flatMap((b) => b.fees.filter((f) => f.mandatory && f.priceFen > 0))
      .map((f) => t('catalogueDesk:notice.item', { name: f.names[lang], amount: String(f.priceFen / 100), unit: f.unit[lang] }));
    const unique = [...new Set(fees)];
    if (unique.length > 0)
      parts.push(t('catalogueDesk:notice.utility', { utility: utility.names[lang], fees: unique.join(t('catalogueDesk:notice.feeSeparator')) }));
  }
  const text = t('catalogueDesk:notice.head', { list: parts.join(t('catalogueDesk:notice.utilitySeparator')) });
  return text.length <= MAX ? text : `${text.slice(0, MAX - 1)}…`;
}
