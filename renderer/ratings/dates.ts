/** Today as YYYY-MM-DD on this PC's clock (the hall's PCs run on the hall's time zone). */
export const localToday = (): string => new Date().toLocaleDateString('sv');

export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
