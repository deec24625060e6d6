import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import forge from 'node-forge';

/**
 * The hall's own certificate authority and its server certificate (docs/security.md, "TLS in
 * the hall"). A hall has no public name a public CA would certify, so on first start it makes a
 * CA of its own; devices trust that CA (installed in a browser's store, or pinned by the
 * desktop app by its fingerprint) and the CA certifies whatever addresses the hall has today.
 * Pinning the CA rather than the server certificate means a new address or a renewal needs no
 * visit to every PC. The certificates are built with node-forge; keys come from Node's crypto.
 */
export type HallTls = {
  /** The server's private key and its chain (server certificate, then the CA), PEM. */
  key: string;
  cert: string;
  /** The CA certificate devices install or pin (PEM), and its SHA-256 fingerprint as Windows and browsers show it. */
  ca: string;
  caFingerprint: string;
  /** When the server certificate runs out (renewed at a start within 30 days of it). */
  validUntil: string;
};

const DAY_MS = 86_400_000;
// Browsers refuse server certificates valid for longer than 398 days, even from a private CA on some platforms.
const SERVER_DAYS = 397;
const CA_YEARS = 20;
const RENEW_BEFORE_DAYS = 30;

export const tlsDir = (dataDir: string): string => join(dataDir, 'tls');

const files = (dir: string) => ({
  caCert: join(dir, 'hall-ca.pem'),
  caKey: join(dir, 'hall-ca.key'),
  cert: join(dir, 'hall.pem'),
  key: join(dir, 'hall.key'),
});

/** `AB:CD:…`: the SHA-256 fingerprint of a certificate, the form a person compares by eye. */
export const certificateFingerprint = (pem: string): string => new X509Certificate(pem).fingerprint256;

/** Writes atomically; keys owner-only. */
function writeFileAtomic(file: string, text: string, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, file);
  if (process.platform !== 'win32') chmodSync(file, mode);
}

function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { privateKey: forge.pki.privateKeyFromPem(pair.privateKey), publicKey: forge.pki.publicKeyFromPem(pair.publicKey), pem: pair.privateKey };
}

// A positive serial of 16 random bytes: RFC 5280 asks for unpredictable, non-negative serials.
const serialNumber = (): string => `01${randomBytes(15).toString('hex')}`;

function createCa(now: Date, hallName: string): { cert: string; key: string } {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  // A day back: a PC whose clock runs a little behind the hall's must not see a certificate from the future.
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + CA_YEARS * 365 * DAY_MS);
  const subject = [
    { name: 'commonName', value: `OneWindow hall CA ${hallName}` },
    { name: 'organizationName', value: 'OneWindow' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}

function createServerCertificate(ca: { cert: string; key: string }, names: readonly string[], now: Date): { cert: string; key: string } {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + SERVER_DAYS * DAY_MS);
  cert.setSubject([{ name: 'commonName', value: names[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  // Browsers read only the subject alternative names: every name and address the hall is reached by.
  const altNames = names.map((name) => (isIP(name) === 0 ? { type: 2, value: name } : { type: 7, ip: name }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}

/** Whether the certificate on disk serves all of today's names, from this CA, for another month at least. */
function serverCertificateFits(certPem: string, caPem: string, names: readonly string[], now: Date): boolean {
  try {
    const cert = new X509Certificate(certPem);
    if (!cert.verify(new X509Certificate(caPem).publicKey)) return false;
    if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return false;
    return names.every((name) => (isIP(name) === 0 ? cert.checkHost(name, { subject: 'never' }) : cert.checkIP(name)) !== undefined);
  } catch {
    return false;
  }
}

/**
 * The hall's TLS material in `<data>/tls`, made on first start: the CA once, the server
 * certificate again whenever the hall's names or addresses change or it is a month from running out.
 */
export function loadOrCreateHallTls(options: { dir: string; names: readonly string[]; now: Date; hallName?: string }): HallTls {
  const f = files(options.dir);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(options.dir, 0o700);
  const names = [...new Set(options.names.map((n) => n.toLowerCase()))];
  let ca: { cert: string; key: string };
  if (existsSync(f.caCert) && existsSync(f.caKey)) {
    ca = { cert: readFileSync(f.caCert, 'utf8'), key: readFileSync(f.caKey, 'utf8') };
  } else {
    ca = createCa(options.now, options.hallName ?? names[0] ?? 'hall');
    // The key first: a CA certificate without its key would be kept and never usable.
    writeFileAtomic(f.caKey, ca.key, 0o600);
    writeFileAtomic(f.caCert, ca.cert, 0o644);
  }
  let server: { cert: string; key: string } | undefined;
  if (existsSync(f.cert) && existsSync(f.key)) {
    const cert = readFileSync(f.cert, 'utf8');
    if (serverCertificateFits(cert, ca.cert, names, options.now)) server = { cert, key: readFileSync(f.key, 'utf8') };
  }
  if (!server) {
    server = createServerCertificate(ca, names, options.now);
    writeFileAtomic(f.key, server.key, 0o600);
    writeFileAtomic(f.cert, server.cert, 0o644);
  }
  return {
    key: server.key,
    cert: `${server.cert.trim()}\n${ca.cert.trim()}\n`,
    ca: ca.cert,
    caFingerprint: certificateFingerprint(ca.cert),
    validUntil: new Date(new X509Certificate(server.cert).validTo).toISOString(),
  };
}

/**
 * An operator's own certificate (--tls-cert/--tls-key, and --tls-ca for the authority devices
 * should trust, default the chain's last certificate). Checked now, not at the first connection.
 */
export function loadOperatorTls(options: { certFile: string; keyFile: string; caFile?: string | undefined }): HallTls {
  const cert = readFileSync(options.certFile, 'utf8');
  const key = readFileSync(options.keyFile, 'utf8');
  const chain = cert.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const leaf = chain[0];
  if (!leaf) throw new Error(`${options.certFile} holds no PEM certificate`);
  if (!new X509Certificate(leaf).checkPrivateKey(createPrivateKey(key))) throw new Error(`${options.keyFile} is not the key of ${options.certFile}`);
  const ca = options.caFile ? readFileSync(options.caFile, 'utf8') : (chain.at(-1) ?? leaf);
  return { key, cert, ca, caFingerprint: certificateFingerprint(ca), validUntil: new Date(new X509Certificate(leaf).validTo).toISOString() };
}
