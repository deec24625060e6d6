import { hostname, networkInterfaces } from 'node:os';
import makeMdns from 'multicast-dns';

/**
 * The hall server on the LAN's multicast DNS (RFC 6762/6763), so the desktop app's first-start
 * wizard can offer it instead of having hall IT type its address: `_onewindow._tcp.local`,
 * with the port, and in TXT the hall CA's fingerprint (`fp`, to compare — never trusted from
 * here: the wizard still shows it for the person to check against the server's console) and the
 * hall's name (`name`). Halls whose network blocks multicast are entered by address.
 */
export const serviceType = '_onewindow._tcp.local';

export type HallAdvert = { name: string; port: number; fingerprint: string | null };
export type FoundHall = { name: string; url: string; fingerprint: string | null };
type MdnsOptions = { port?: number; ip?: string };

/** The PC's IPv4 addresses the LAN can reach, for the A records. */
const lanAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);

// DNS labels are at most 63 bytes; a hall's name is for people, the label only has to be unique enough.
const label = (name: string) =>
  Buffer.from(name.replace(/\./g, ' '), 'utf8')
    .subarray(0, 63)
    .toString('utf8')
    .replace(/\uFFFD+$/, '') || 'OneWindow';

/** Answers queries for the hall's service until stopped. */
export function advertiseHall(advert: HallAdvert, options: MdnsOptions = {}): { stop: () => Promise<void> } {
  const mdns = makeMdns(options);
  const instance = `${label(advert.name)}.${serviceType}`;
  const target = `${label(hostname())}.local`;
  const txt = [`name=${advert.name}`, ...(advert.fingerprint ? [`fp=${advert.fingerprint}`] : [])].map((entry) => Buffer.from(entry, 'utf8'));
  const records = () => ({
    answers: [{ name: serviceType, type: 'PTR' as const, ttl: 120, data: instance }],
    additionals: [
      { name: instance, type: 'SRV' as const, ttl: 120, data: { port: advert.port, target } },
      { name: instance, type: 'TXT' as const, ttl: 120, data: txt },
      ...lanAddresses().map((address) => ({ name: target, type: 'A' as const, ttl: 120, data: address })),
    ],
  });
  mdns.on('query', (query) => {
    if (query.questions.some((q) => q.name.toLowerCase() === serviceType && (q.type === 'PTR' || String(q.type) === 'ANY'))) mdns.respond(records());
  });
  // Unasked, once at start: browsers already listening see the hall at once.
  mdns.respond(records());
  // A socket error (no multicast route, port taken) only means the hall is not found by name.
  mdns.on('error', () => undefined);
  return { stop: () => new Promise<void>((done) => mdns.destroy(() => done())) };
}

const txtValue = (entries: readonly (string | Buffer)[], key: string): string | undefined => {
  for (const entry of entries) {
    const text = Buffer.isBuffer(entry) ? entry.toString('utf8') : entry;
    if (text.startsWith(`${key}=`)) return text.slice(key.length + 1);
  }
  return undefined;
};

/** Asks the LAN for halls and collects the answers for `waitMs`, or until `enough` says so. */
export function browseHalls(waitMs: number, options: MdnsOptions & { enough?: (found: readonly FoundHall[]) => boolean } = {}): Promise<FoundHall[]> {
  const mdns = makeMdns(options);
  const found = new Map<string, FoundHall>();
  mdns.on('error', () => undefined);
  mdns.on('response', (response, rinfo) => {
    const records = [...response.answers, ...(response.additionals ?? [])];
    for (const ptr of records) {
      if (ptr.type !== 'PTR' || ptr.name.toLowerCase() !== serviceType) continue;
      const srv = records.find((r) => r.type === 'SRV' && r.name === ptr.data);
      if (srv?.type !== 'SRV') continue;
      const txt = records.find((r) => r.type === 'TXT' && r.name === ptr.data);
      const entries = txt?.type === 'TXT' ? (Array.isArray(txt.data) ? txt.data : [txt.data]) : [];
      // The address the answer came from is one the wizard's PC can reach the hall at.
      const host = rinfo.family === 'IPv6' ? `[${rinfo.address}]` : rinfo.address;
      const url = `https://${host}:${srv.data.port}`;
      found.set(url, { name: txtValue(entries, 'name') ?? ptr.data.replace(`.${serviceType}`, ''), url, fingerprint: txtValue(entries, 'fp') ?? null });
    }
  });
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      mdns.destroy(() => resolve([...found.values()]));
    };
    const timer = setTimeout(finish, waitMs);
    mdns.on('response', () => {
      if (options.enough?.([...found.values()])) finish();
    });
    mdns.query({ questions: [{ name: serviceType, type: 'PTR' }] });
  });
}
