/** The instants of a local date and time on this screen ("2026-11-23", "09:30"), as the API takes them. */
export function localInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00`).toISOString();
}

/** [start, end) of a local day, as instants. */
export function localDayRange(day: string): { from: string; to: string } {
  const start = new Date(`${day}T00:00:00`);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** "09:30" on this screen's clock for an instant. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Today on this screen's calendar, as a date input takes it. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
