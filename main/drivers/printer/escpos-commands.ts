import iconv from 'iconv-lite';

/**
 * The handful of ESC/POS commands a queue ticket needs, as bytes. Named after what they
 * do; the comment on each gives the mnemonic to look up in the ESC/POS manual.
 */

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

/** ESC @: clears the previous job's modes (size, bold, alignment) back to the power-on state. */
export const initialize = (): Buffer => Buffer.from([ESC, 0x40]);

/**
 * FS &: Chinese (double-byte) character mode. Printers sold in China (Xprinter, Gprinter,
 * Rongta, SPRT, Epson's Simplified Chinese models) carry a GB18030 font and read any
 * byte pair >= 0x80 as one GB18030 character in this mode, while bytes < 0x80 stay
 * ASCII. Most boot in it already, but ESC @ falls back to the DIP-switch default and a
 * previous job may have sent FS . (cancel), so every ticket turns it on again after ESC @.
 * No ESC t code page is sent: single-byte code pages would only matter for accented
 * Latin letters, which a ticket never prints. FS C (code system) is left alone: on
 * Japanese models it picks Shift-JIS and on some Chinese ones it means something else.
 */
export const chineseMode = (): Buffer => Buffer.from([FS, 0x26]);

export type Alignment = 'left' | 'center' | 'right';
const alignmentCode = { left: 0, center: 1, right: 2 } as const satisfies Record<Alignment, number>;

/** ESC a n */
export const align = (alignment: Alignment): Buffer => Buffer.from([ESC, 0x61, alignmentCode[alignment]]);

/** ESC E n: emphasized (bold), for Chinese and ASCII alike. */
export const bold = (on: boolean): Buffer => Buffer.from([ESC, 0x45, on ? 1 : 0]);

/** GS ! n: character width and height multipliers, 1–8 each (0x11 is double, 0x33 four times). */
export const textSize = (width: number, height: number): Buffer => {
  if (![width, height].every((m) => Number.isInteger(m) && m >= 1 && m <= 8)) throw new RangeError(`text size ${width}x${height} is outside 1–8`);
  return Buffer.from([GS, 0x21, ((width - 1) << 4) | (height - 1)]);
};

/** Text in GB18030, the encoding the Chinese character mode reads, ended by a line feed. */
export const line = (text: string): Buffer => Buffer.concat([iconv.encode(text, 'gb18030'), Buffer.from([LF])]);

/** ESC d n: prints what is buffered and feeds n lines. */
export const feedLines = (n: number): Buffer => Buffer.from([ESC, 0x64, n]);

/** Error correction levels of GS ( k function 169, as their ESC/POS byte values. */
const qrErrorCorrection = { L: 48, M: 49, Q: 50, H: 51 } as const;

export type QrOptions = { moduleSize: number; errorCorrection: keyof typeof qrErrorCorrection };

/**
 * GS ( k: the printer draws the QR code itself (model 2), so no image is rasterised here.
 * Four functions in order: 165 select model, 167 module size, 169 error correction,
 * 180 store the data, 181 print it.
 */
export const qrCode = (data: string, options: QrOptions): Buffer => {
  const payload = Buffer.from(data, 'utf8');
  // The store command's length counts the three bytes cn fn m before the data.
  const storeLength = payload.length + 3;
  if (storeLength > 0xffff) throw new RangeError(`QR data of ${payload.length} bytes is too long`);
  if (!Number.isInteger(options.moduleSize) || options.moduleSize < 1 || options.moduleSize > 16)
    throw new RangeError(`QR module size ${options.moduleSize} is outside 1–16`);
  return Buffer.concat([
    Buffer.from([GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00]),
    Buffer.from([GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, options.moduleSize]),
    Buffer.from([GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, qrErrorCorrection[options.errorCorrection]]),
    Buffer.from([GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30]),
    payload,
    Buffer.from([GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]),
  ]);
};

/** GS V 66 0: feeds the paper to the cutter and cuts it, leaving a tab so the ticket does not fall. */
export const partialCut = (): Buffer => Buffer.from([GS, 0x56, 0x42, 0x00]);
