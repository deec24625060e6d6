import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

/**
 * The encrypted backup file (docs/security.md, "Backups"): AES-256-GCM under a key stretched
 * from the administrator's backup password with scrypt. Everything a restore needs besides the
 * password is in the file's header, so a new install after a disk failure can open it:
 *
 *   magic "OWBACKUP" (8) | format 1 (1) | scrypt log2 N, r, p (3) | salt (16) | key check (16) | iv (12)
 *   | cipher text | GCM tag (16)
 *
 * The header is the cipher's additional data: a header edited in the file fails the tag. The
 * key check (an HMAC of a fixed label under the key) tells a wrong password apart at once,
 * before hundreds of megabytes are decrypted, and names the key without giving it away.
 */
export const BACKUP_MAGIC = Buffer.from('OWBACKUP', 'ascii');
const FORMAT = 1;
const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = BACKUP_MAGIC.length + 1 + 3 + SALT_BYTES + CHECK_BYTES + IV_BYTES;
const CHECK_LABEL = 'onewindow backup key check v1';

export type ScryptParams = { log2N: number; r: number; p: number };
/** Those of staff passwords (OWASP's minimum): ~128 MiB and a fraction of a second, paid once per restore or password change. */
export const BACKUP_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };

/** A derived key with what names it: its salt and parameters (written into each backup) and its check. */
export type BackupKey = { key: Buffer; salt: Buffer; params: ScryptParams; check: Buffer };

const scryptKey = (password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const N = 2 ** params.log2N;
    // Room for the memory the parameters ask (128·N·r bytes) and no more than they need.
    scrypt(password, salt, 32, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r }, (err, key) => (err ? reject(err) : resolve(key)));
  });

export const keyCheckOf = (key: Buffer): Buffer => createHmac('sha256', key).update(CHECK_LABEL).digest().subarray(0, CHECK_BYTES);

export async function deriveBackupKey(password: string, salt: Buffer = randomBytes(SALT_BYTES), params: ScryptParams = BACKUP_SCRYPT): Promise<BackupKey> {
  const key = await scryptKey(password, salt, params);
  return { key, salt, params, check: keyCheckOf(key) };
}

export type BackupHeader = { params: ScryptParams; salt: Buffer; check: Buffer; iv: Buffer; raw: Buffer };

function headerBytes(key: BackupKey, iv: Buffer): Buffer {
  return Buffer.concat([BACKUP_MAGIC, Buffer.from([FORMAT, key.params.log2N, key.params.r, key.params.p]), key.salt, key.check, iv]);
}

function parseHeader(raw: Buffer): BackupHeader | undefined {
  if (raw.length < HEADER_BYTES || !raw.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) return undefined;
  let at = BACKUP_MAGIC.length;
  const [format, log2N, r, p] = raw.subarray(at, at + 4);
  // Parameters out of any sane range are a damaged (or hostile) file, not a reason to spend gigabytes.
  if (format !== FORMAT || log2N === undefined || r === undefined || p === undefined || log2N < 10 || log2N > 22 || r < 1 || r > 32 || p < 1 || p > 16)
    return undefined;
  at += 4;
  const salt = raw.subarray(at, (at += SALT_BYTES));
  const check = raw.subarray(at, (at += CHECK_BYTES));
  const iv = raw.subarray(at, at + IV_BYTES);
  return { params: { log2N, r, p }, salt, check, iv, raw: raw.subarray(0, HEADER_BYTES) };
}

/** The header of an encrypted backup, or undefined for a plain SQLite copy (or anything else). */
export async function readBackupHeader(file: string): Promise<BackupHeader | undefined> {
  const handle = await open(file, 'r');
  try {
    const raw = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(raw, 0, HEADER_BYTES, 0);
    return parseHeader(raw.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Whether `password` is the one this backup was written under: derives its key, or says no. */
export async function keyForBackup(header: BackupHeader, password: string): Promise<BackupKey | undefined> {
  const derived = await deriveBackupKey(password, header.salt, header.params);
  return timingSafeEqual(derived.check, header.check) ? derived : undefined;
}

/** Encrypts `source` into `target` (created owner-only), streamed: a database of hundreds of MB never sits in memory. */
export async function encryptBackupFile(source: string, target: string, key: BackupKey): Promise<void> {
  const iv = randomBytes(IV_BYTES);
  const header = headerBytes(key, iv);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(header);
  await pipeline(
    createReadStream(source),
    cipher,
    async function* framed(body: AsyncIterable<Buffer>) {
      yield header;
      for await (const chunk of body) yield chunk;
      // The cipher has ended once its output has: the tag is known.
      yield cipher.getAuthTag();
    },
    createWriteStream(target, { mode: 0o600 }),
  );
}

/**
 * Decrypts into `target` (created owner-only). Rejects when the key is not the file's or the
 * file was altered or cut short; what was written by then is the caller's to remove.
 */
export async function decryptBackupFile(source: string, target: string, key: BackupKey): Promise<void> {
  const header = await readBackupHeader(source);
  if (!header) throw new Error('not an encrypted backup');
  if (!timingSafeEqual(header.check, key.check)) throw new Error('the key is not this backup’s');
  const { size } = await stat(source);
  if (size < HEADER_BYTES + TAG_BYTES + 1) throw new Error('the encrypted backup is cut short');
  const tag = Buffer.alloc(TAG_BYTES);
  const handle = await open(source, 'r');
  try {
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', key.key, header.iv);
  decipher.setAAD(header.raw);
  decipher.setAuthTag(tag);
  await pipeline(createReadStream(source, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }), decipher, createWriteStream(target, { mode: 0o600 }));
}
