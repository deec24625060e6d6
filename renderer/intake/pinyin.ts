import { useEffect, useState } from 'react';
import type { ReadingsOf } from './business-filter.ts';

let loading: Promise<ReadingsOf> | undefined;

/**
 * pinyin-pro with its dictionary is some 300 KB: loaded on its own, once, when a business
 * chooser first needs it, so no other screen carries it. It reads words, not characters one by
 * one, so polyphones come out right (供水 gōngshuǐ, 校验 jiàoyàn).
 */
export function loadReadings(): Promise<ReadingsOf> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => (zh: string) => ({
    initials: pinyin(zh, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
    spelled: pinyin(zh, { toneType: 'none', type: 'array' }).join(''),
  }));
  return loading;
}

/** The 拼音 reader once loaded; until then (a moment) the filter finds by 汉字 and English only. */
export function useReadings(): ReadingsOf | undefined {
  const [readingsOf, setReadingsOf] = useState<ReadingsOf>();
  useEffect(() => {
    let live = true;
    void loadReadings().then((r) => {
      if (live) setReadingsOf(() => r);
    });
    return () => {
      live = false;
    };
  }, []);
  return readingsOf;
}
