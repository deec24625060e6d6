import type { Names } from './names.ts';

/** The readings of a Chinese name a clerk may type: 拼音 initials (rqgh) and the whole 拼音 (ranqiguohu). */
export type Readings = { initials: string; spelled: string };
export type ReadingsOf = (zh: string) => Readings;

/** One business as the quick filter searches it. */
export type Searchable = { code: string; zh: string; en: string; readings: Readings | undefined };

/** What a clerk types and what it is compared with: full-width letters, case, spaces and punctuation do not count. */
const plain = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');

export function searchable(code: string, names: Names, readingsOf: ReadingsOf | undefined): Searchable {
  const readings = readingsOf?.(names.zh);
  return {
    code,
    zh: plain(names.zh),
    en: plain(names.en),
    readings: readings && { initials: plain(readings.initials), spelled: plain(readings.spelled) },
  };
}

/**
 * The businesses a typed filter finds, best first: those whose 汉字 name, 拼音 initials or whole
 * 拼音 begin with it, then those that hold it anywhere (the English name too); the catalogue's
 * order within each. "rqgh" finds 燃气过户 and nothing else; "gh" every 过户.
 */
export function filterBusinesses(items: readonly Searchable[], query: string): string[] {
  const q = plain(query);
  if (!q) return [];
  const rank = (item: Searchable): number | undefined => {
    const texts = [item.zh, item.readings?.initials ?? '', item.readings?.spelled ?? '', item.en];
    if (texts.some((text) => text.startsWith(q))) return 0;
    if (texts.some((text) => text.includes(q))) return 1;
    return undefined;
  };
  return items
    .flatMap((item, index) => {
      const r = rank(item);
      return r === undefined ? [] : [{ code: item.code, r, index }];
    })
    .sort((a, b) => a.r - b.r || a.index - b.index)
    .map((m) => m.code);
}
