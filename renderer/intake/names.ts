import { useTranslation } from 'react-i18next';

/** Catalogue texts come in both languages: `{ zh, en }`. */
export type Names = { zh: string; en: string };

/** The text in the screen's language, Chinese when the English one is empty. */
export function useNames() {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (names: Names | undefined): string => (names ? (english && names.en.trim() ? names.en : names.zh) : '');
}

/** "¥1,234.50" from integer fen; integers keep the sums exact, only the display divides. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}
