import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHallClock } from '../shared/hall-clock.ts';

type Named = { nameZh: string; nameEn: string };
type Texted = { textZh: string; textEn: string };

const isEnglish = (lng: string) => lng.startsWith('en');

/** A category's name in the screen's language; Chinese when no English name is set. */
export function localName(item: Named, lng: string): string {
  return isEnglish(lng) && item.nameEn.trim() ? item.nameEn : item.nameZh;
}

/** A notice's text in the screen's language, falling back to Chinese. */
export function localText(item: Texted, lng: string): string {
  return isEnglish(lng) && item.textEn.trim() ? item.textEn : item.textZh;
}

export function useLocalNames() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  // The same functions while the language is the same, so memos and effects can depend on them.
  return useMemo(() => ({ name: (item: Named) => localName(item, lng), text: (item: Texted) => localText(item, lng) }), [lng]);
}

/** "13:05" in the screen's language, on the hall's clock. */
export const clockTime = (iso: string, lng: string): string => formatHallClock(iso, lng);

/** "4:07" or "1:02:09" for an elapsed number of seconds. */
export function elapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
