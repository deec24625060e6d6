/**
 * Whether a host name or address never leaves this computer: `localhost`, `::1` (bare or in
 * brackets, as URL gives it) or an IPv4 address in 127.0.0.0/8 — in dotted decimal only, so a
 * name such as `127.example.com` is not taken for one. The one test for "plain HTTP is allowed
 * here" (hall bind, client-mode hall address, connectors) and "the call is local".
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/^::ffff:/, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
