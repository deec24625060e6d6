/** 0.9 → "90.0%"; no value → "—". */
export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
