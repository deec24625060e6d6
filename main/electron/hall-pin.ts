import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The certificate check of a desktop PC in client mode (settings.json `hallCertificate`).
 * The hall's CA is its own (main/server/tls/hall-certificates.ts), unknown to the operating
 * system, so Chromium's verdict is always "authority invalid"; instead the app trusts exactly
 * the CA whose fingerprint it was given when the PC was set up, and nothing else — a box on the
 * LAN answering with any other certificate, even one a public CA issued, is refused.
 *
 * The chain is read from what the server sent (Electron's `Certificate`, each with its issuer):
 * the pinned certificate must be in it, and every certificate below it must be signed by the
 * one above, in date, with the leaf made out to the host the PC asked for. The CA's own
 * certificate is public, so finding it in the chain proves nothing by itself; the signatures do.
 */
export type PresentedCertificate = { data: string; issuerCert?: PresentedCertificate | null };

const normalise = (fingerprint: string): string =>
  fingerprint
    .replace(/^sha256[/:]?/i, '')
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase();

export function pinnedChainTrusted(options: { hostname: string; certificate: PresentedCertificate; pin: string; now: Date }): boolean {
  const pin = normalise(options.pin);
  if (pin.length !== 64) return false;
  const chain: X509Certificate[] = [];
  try {
    // Electron's issuerCert of a self-signed root points at itself: stop at a repeat.
    for (let c: PresentedCertificate | null | undefined = options.certificate; c && chain.length < 8; c = c.issuerCert) {
      const x = new X509Certificate(c.data);
      if (chain.some((seen) => seen.fingerprint256 === x.fingerprint256)) break;
      chain.push(x);
    }
  } catch {
    return false;
  }
  const pinnedAt = chain.findIndex((c) => normalise(c.fingerprint256) === pin);
  if (pinnedAt < 0) return false;
  const leaf = chain[0];
  if (!leaf) return false;
  const hostOk =
    isIP(options.hostname) === 0 ? leaf.checkHost(options.hostname, { subject: 'never' }) !== undefined : leaf.checkIP(options.hostname) !== undefined;
  if (!hostOk) return false;
  const nowMs = options.now.getTime();
  for (let i = 0; i <= pinnedAt; i++) {
    const cert = chain[i];
    if (!cert || nowMs < new Date(cert.validFrom).getTime() || nowMs > new Date(cert.validTo).getTime()) return false;
    if (i > 0 && !cert.ca) return false;
    // The pinned certificate is trusted by its hash; each one below it by the signature above.
    if (i === pinnedAt) break;
    const issuer = chain[i + 1];
    if (!issuer || !cert.verify(issuer.publicKey)) return false;
  }
  return true;
}
