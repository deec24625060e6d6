/**
 * The window number this PC was set up for (desktop app, counter role: /counter?window=3).
 * With no counter remembered yet, the clerk's screen opens that window's counter without
 * asking — but never one another clerk is working at.
 */
export function windowOfThisPc(search: string): number | undefined {
  const n = Number(new URLSearchParams(search).get('window'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

type CounterState = { id: number; number: number; status: 'closed' | 'open' | 'paused'; staffId: number | null };

/** The counter to open for this PC's window: closed, or already the clerk's own; otherwise none (the picker shows). */
export function counterOfThisPc(counters: readonly CounterState[], windowNumber: number | undefined, meId: number): number | undefined {
  if (windowNumber === undefined) return undefined;
  const counter = counters.find((c) => c.number === windowNumber);
  if (!counter) return undefined;
  return counter.status === 'closed' || counter.staffId === meId ? counter.id : undefined;
}
