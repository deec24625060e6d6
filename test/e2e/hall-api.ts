import { expect, type Page } from '@playwright/test';
import { addDays } from '../../common/calendar-day.ts';
import { defaultTimeZone, hallDay } from '../../common/hall-time.ts';
import { residentIdCheckChar } from '../../common/identity.ts';
import { type Hall, hallNow } from './hall-fixture.ts';

/** An API answer as the hall sends it: errors are data. */
export type Reply<T = Record<string, unknown>> = { ok: boolean; value: T; error?: { messageKey: string } };

/** The hall's API as a test sees it: one POST per method, with an optional bearer token. */
export function apiFor(page: Page, hall: Hall) {
  return async <T = Record<string, unknown>>(name: string, body: unknown, token?: string): Promise<Reply<T>> => {
    const res = await page.request.post(`${hall.url}/api/${name}`, { data: body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return (await res.json()) as Reply<T>;
  };
}

/** GB 11643: a valid resident ID from its first 17 digits (the 18th is the checksum). */
export const residentId = (first17: string): string => `${first17}${residentIdCheckChar(first17)}`;

/** The hall's day (Asia/Shanghai, the default zone) `n` days after the hall's today, as a date input takes it. */
export const daysFromNow = (hall: Hall, n: number): string => addDays(hallDay(hallNow(hall), defaultTimeZone), n);

/** A queue category as queue/overview lists it. */
export type Category = {
  id: number;
  prefix: string;
  nameZh: string;
  nameEn: string;
  utilities: string[];
  businesses: string[];
  dailyLimit: number | null;
  active: boolean;
  sortOrder: number;
};

/** Seeds what the specs are not about: tickets are issued only inside opening hours, and a spec runs at any hour. */
export async function openAllDay(api: ReturnType<typeof apiFor>, token: string, categories: readonly Category[]): Promise<void> {
  for (const { id, prefix, nameZh, nameEn, utilities, businesses, dailyLimit, active, sortOrder } of categories) {
    const saved = await api(
      'queue/saveCategory',
      { id, prefix, nameZh, nameEn, utilities, businesses, dailyLimit, active, sortOrder, opensAt: '00:00', closesAt: '24:00' },
      token,
    );
    expect(saved.ok).toBe(true);
  }
}
