/** Today's day and month on this PC's calendar (the hall's, for a hall PC). */
const pad = (n: number) => String(n).padStart(2, '0');

export const localDay = (date: Date = new Date()): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export const localMonth = (date: Date = new Date()): string => localDay(date).slice(0, 7);

export const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
};

/** "2026-09-30T10:15" for a datetime-local input, in this PC's time. */
export const localDateTime = (date: Date = new Date()): string => `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

export const formatTime = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : '');
