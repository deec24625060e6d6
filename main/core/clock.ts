/** Time comes from here so tests can set it and a hall can run on hall-local time. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export const iso = (date: Date): string => date.toISOString();

export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);
