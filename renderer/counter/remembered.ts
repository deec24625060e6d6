/** The counter this PC last opened, so a clerk does not choose it every morning. */
const key = 'onewindow.counter';

export function rememberedCounter(): number | undefined {
  const n = Number(localStorage.getItem(key));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function rememberCounter(id: number | undefined): void {
  if (id === undefined) localStorage.removeItem(key);
  else localStorage.setItem(key, String(id));
}
