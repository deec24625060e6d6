/** Figures as a report prints them: minutes with one decimal, yuan with two, rates as percentages. */

export const dash = '—';

export function minutes(sec: number | null | undefined): string {
  return sec === null || sec === undefined ? dash : (sec / 60).toFixed(1);
}

export function yuan(fen: number, lng: string): string {
  return (fen / 100).toLocaleString(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? dash : `${(rate * 100).toFixed(1)}%`;
}

/** A summary figure by its kind (summaryKeys in common/summary-keys.ts). */
export function summaryValue(key: string, value: number | null | undefined, lng: string): string {
  if (value === null || value === undefined) return dash;
  if (key === 'completionRate' || key === 'goodRate') return percent(value);
  if (key === 'feesYuan') return value.toLocaleString(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (key.endsWith('Min')) return value.toFixed(1);
  return String(value);
}

/** A localised name pair ({ zh, en }) in the screen's language, Chinese when English is empty. */
export function pick(names: { zh: string; en: string } | null | undefined, lng: string, fallback = ''): string {
  if (!names) return fallback;
  return lng.startsWith('en') && names.en.trim() ? names.en : names.zh;
}
