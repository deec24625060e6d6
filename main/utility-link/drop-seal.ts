import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The files of a onewindow.sync/2 folder drop, both ways, are sealed (docs/sync-protocol.md,
 * "Sealed files"): AES-256-GCM under a key derived from the connector's shared secret, so a
 * share or an SFTP server on the way reads none of the citizens' data and cannot alter or
 * make up an answer. The file's name in its folder is bound in as associated data: a sealed
 * answer copied under another batch's name, or an old updates file under a new name, does not
 * open. Layout: "OWD2" (4 bytes), IV (12), ciphertext, tag (16).
 */
const MAGIC = Buffer.from('OWD2', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DROP_INFO = 'onewindow.sync/2 drop';

/** HKDF-SHA256 of the secret, empty salt, info "onewindow.sync/2 drop", 32 bytes. */
export const dropKey = (secret: string): Buffer => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), DROP_INFO, 32));

const aad = (name: string): Buffer => Buffer.from(`${DROP_INFO}\n${name}`, 'utf8');

/** `name`: the file's path within the out or reply folder, "/"-separated ("<batchId>/manifest.json", "<batchId>.json"). */
export function sealDrop(key: Buffer, name: string, content: string | Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(name));
  const body = Buffer.concat([typeof content === 'string' ? cipher.update(content, 'utf8') : cipher.update(content), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

/** The content, or undefined when the file was not sealed with this key under this name (or was altered). */
export function openDrop(key: Buffer, name: string, sealed: Buffer): Buffer | undefined {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES));
    decipher.setAAD(aad(name));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(MAGIC.length + IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
