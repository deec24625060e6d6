/** Personal data shown in lists, exports and on screens is masked; the full value is an audited view. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 500112199001011234 → 500112********1234. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return id.length >= 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '****';
}
