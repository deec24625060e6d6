/**
 * A report's day and month as a title says them: 2026年12月4日 / 2026年11月 in Chinese (the
 * form a report handed upward uses), 4 December 2026 / November 2026 in English. The day is
 * the hall's calendar day, so it is formatted as a UTC date (no zone can move it).
 */
export function reportDate(day: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
}

export function reportMonth(month: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));
}

/**
 * The print page's footer as CSS (a margin box of the named page `report`): "第 1 页 共 2 页"
 * from the translated sentence, with the page counters where its {{page}} and {{pages}} are.
 * Chromium fills the counters when it lays the pages out, for the browser's print and the
 * desktop app's PDF alike.
 */
export function pageNumberCss(sentence: string): string {
  const parts = sentence.split(/(\{\{page\}\}|\{\{pages\}\})/).filter((part) => part !== '');
  const content = parts.map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : JSON.stringify(part))).join(' ');
  return `@page report { @bottom-center { content: ${content}; font-size: 9pt; color: #333; } }`;
}
