import { fail } from '../api/errors.ts';

/** A signature drawn on a customer screen is a few KB; anything near this is not a signature. */
export const MAX_SIGNATURE_BYTES = 400 * 1024;

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dataUrlPrefix = 'data:image/png;base64,';

const refuse = (): never => fail('validation', 'errors.validation', { fields: [{ path: 'image', key: 'field.signatureImage' }] });

/** The PNG bytes of a data URL from a canvas, checked to be a PNG and of a signature's size. */
export function decodeSignature(dataUrl: string): Buffer {
  if (!dataUrl.startsWith(dataUrlPrefix)) return refuse();
  const bytes = Buffer.from(dataUrl.slice(dataUrlPrefix.length), 'base64');
  if (bytes.length < 67 || bytes.length > MAX_SIGNATURE_BYTES || !bytes.subarray(0, 8).equals(pngMagic)) return refuse();
  return bytes;
}

export const encodeSignature = (bytes: Buffer): string => `${dataUrlPrefix}${bytes.toString('base64')}`;
