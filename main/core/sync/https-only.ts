import { isLoopbackHost } from '../api/loopback.ts';

/**
 * Citizens' records go to a utility only over TLS: an `http:` address is allowed only when it
 * never leaves this computer (127.0.0.0/8, ::1, localhost) — a utility's adapter on the same
 * machine, or a test. Checked when the administrator saves a connector and again by the engine
 * before it sends, for an address stored before the rule.
 */
export function plainHttpOffMachine(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return true;
  }
  if (url.protocol === 'https:') return false;
  if (url.protocol !== 'http:') return true;
  // URL has normalised the host: lower case, IPv4 in dotted decimal (2130706433 → 127.0.0.1), IPv6 in brackets.
  return !isLoopbackHost(url.hostname);
}
