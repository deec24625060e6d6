// A Windows .ico holding PNG images (supported since Windows Vista, and what electron-builder
// and NSIS accept): a 6-byte header, a 16-byte entry per image, then the PNG files.

export type IcoImage = { size: number; png: Buffer };

export function encodeIco(images: IcoImage[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    // A 256-pixel side is written as 0: the field is one byte.
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry[2] = 0; // no palette
    entry[3] = 0; // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

export type IcoEntry = { width: number; height: number; bitsPerPixel: number; data: Buffer };

/** The entries of an .ico file, each with the bytes it points to. */
export function readIco(file: Buffer): IcoEntry[] {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = file.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = file.subarray(6 + 16 * i, 6 + 16 * (i + 1));
    const length = entry.readUInt32LE(8);
    const offset = entry.readUInt32LE(12);
    if (offset + length > file.length) throw new Error(`icon ${i} runs past the end of the file`);
    return { width: entry[0] || 256, height: entry[1] || 256, bitsPerPixel: entry.readUInt16LE(6), data: file.subarray(offset, offset + length) };
  });
}
