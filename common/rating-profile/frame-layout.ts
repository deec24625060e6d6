/**
 * Where each field of a frame sits, worked out once from a profile's field order. Every
 * field is one byte except DATA, whose length LEN gives, so a field's offset is fixed
 * when it comes before DATA and shifts by the data length when it comes after.
 */

export const frameFields = ['addr', 'cmd', 'len', 'data', 'checksum'] as const;
export type FrameField = (typeof frameFields)[number];

/** What a checksum may cover: from one field to another, both included ('start' = the start bytes). */
export const checksumSpanFields = ['start', 'addr', 'cmd', 'len', 'data'] as const;
export type ChecksumSpanField = (typeof checksumSpanFields)[number];

export const checksumAlgorithms = ['xor', 'sum8', 'none'] as const;
export type ChecksumAlgorithm = (typeof checksumAlgorithms)[number];

/** The part of a profile's frame section the layout depends on. */
export type FrameShape = {
  start: readonly number[];
  end: readonly number[];
  fields: readonly FrameField[];
  lengthOffset: number;
  maxDataLength: number;
  checksum: { algorithm: ChecksumAlgorithm; from?: ChecksumSpanField | undefined; to?: ChecksumSpanField | undefined };
};

/** A one-byte field's offset from the frame's first byte, for a frame with no data. */
type FieldAt = { offset: number; afterData: boolean };

export type FrameLayout = {
  start: Uint8Array;
  end: Uint8Array;
  fields: readonly FrameField[];
  /** Length of a frame whose DATA is empty. */
  fixedLength: number;
  addr: FieldAt | undefined;
  cmd: FieldAt;
  len: FieldAt | undefined;
  checksum: FieldAt | undefined;
  dataOffset: number;
  lengthOffset: number;
  maxDataLength: number;
  algorithm: ChecksumAlgorithm;
  /** The checksum covers [spanStart(n), spanEnd(n)) of a frame with n data bytes. */
  spanStart: (dataLength: number) => number;
  spanEnd: (dataLength: number) => number;
};

export const fieldPosition = (field: FieldAt, dataLength: number): number => field.offset + (field.afterData ? dataLength : 0);

/** The layout, or the reason the field order cannot work (the profile schema reports it). */
export function describeFrameLayout(shape: FrameShape): FrameLayout | string {
  const { fields } = shape;
  if (new Set(fields).size !== fields.length) return 'a field appears twice in frame.fields';
  if (!fields.includes('cmd')) return 'frame.fields needs "cmd"';
  const at = (field: FrameField) => fields.indexOf(field);
  if (fields.includes('data') !== fields.includes('len')) return 'frame.fields needs both "len" and "data", or neither';
  // The parser must read LEN before it can know where DATA ends.
  if (at('len') > at('data')) return '"len" must come before "data" in frame.fields';
  if (shape.start.length === 0) return 'frame.start needs at least one byte: it is how the parser finds a frame in noise';
  if (shape.lengthOffset + shape.maxDataLength > 255) return 'frame.maxDataLength + frame.lengthOffset must fit in the one-byte LEN (≤ 255)';
  const hasChecksumField = fields.includes('checksum');
  if ((shape.checksum.algorithm === 'none') === hasChecksumField) {
    return shape.checksum.algorithm === 'none'
      ? 'frame.fields has "checksum" but checksum.algorithm is "none"'
      : 'frame.fields needs "checksum" for this checksum.algorithm';
  }

  const dataIndex = at('data');
  const place = (field: FrameField): FieldAt | undefined => {
    const index = at(field);
    if (index < 0) return undefined;
    const afterData = dataIndex >= 0 && index > dataIndex;
    // Every field before this one is one byte, except DATA (counted as 0 here, added by fieldPosition).
    return { offset: shape.start.length + index - (afterData ? 1 : 0), afterData };
  };
  const cmd = place('cmd');
  if (!cmd) return 'frame.fields needs "cmd"';
  const checksum = place('checksum');
  const dataOffset = dataIndex < 0 ? shape.start.length + fields.length : shape.start.length + dataIndex;
  const fixedLength = shape.start.length + fields.length - (dataIndex < 0 ? 0 : 1) + shape.end.length;

  // The span defaults to everything between the start bytes and the checksum.
  const checksumIndex = at('checksum');
  const spanFields = fields
    .slice(0, checksumIndex < 0 ? fields.length : checksumIndex)
    .filter((field): field is Exclude<FrameField, 'checksum'> => field !== 'checksum');
  const from = shape.checksum.from ?? spanFields[0] ?? 'start';
  const to = shape.checksum.to ?? spanFields[spanFields.length - 1] ?? 'start';
  const order = (field: ChecksumSpanField) => (field === 'start' ? -1 : at(field));
  if (checksum) {
    if (from !== 'start' && at(from) < 0) return `checksum.from "${from}" is not in frame.fields`;
    if (to !== 'start' && at(to) < 0) return `checksum.to "${to}" is not in frame.fields`;
    if (order(from) > order(to)) return 'checksum.from must not come after checksum.to';
    if (order(to) > checksumIndex) return 'the checksum must come after the bytes it covers';
  }
  const startOf = (field: ChecksumSpanField, dataLength: number): number => {
    if (field === 'start') return 0;
    if (field === 'data') return dataOffset;
    const placed = place(field);
    return placed ? fieldPosition(placed, dataLength) : 0;
  };
  const endOf = (field: ChecksumSpanField, dataLength: number): number => {
    if (field === 'start') return shape.start.length;
    if (field === 'data') return dataOffset + dataLength;
    return startOf(field, dataLength) + 1;
  };

  return {
    start: Uint8Array.from(shape.start),
    end: Uint8Array.from(shape.end),
    fields,
    fixedLength,
    addr: place('addr'),
    cmd,
    len: place('len'),
    checksum,
    dataOffset,
    lengthOffset: shape.lengthOffset,
    maxDataLength: shape.maxDataLength,
    algorithm: shape.checksum.algorithm,
    spanStart: (n) => startOf(from, n),
    spanEnd: (n) => endOf(to, n),
  };
}

const layouts = new WeakMap<FrameShape, FrameLayout>();

/** The layout of a profile's frame (already validated by the profile schema), computed once per profile. */
export function frameLayoutOf(shape: FrameShape): FrameLayout {
  let layout = layouts.get(shape);
  if (!layout) {
    const described = describeFrameLayout(shape);
    if (typeof described === 'string') throw new Error(`invalid frame layout: ${described}`);
    layout = described;
    layouts.set(shape, layout);
  }
  return layout;
}

/** The check byte over bytes[from, to). */
export function checksumOf(algorithm: ChecksumAlgorithm, bytes: Uint8Array, from: number, to: number): number {
  let value = 0;
  if (algorithm === 'xor') for (let i = from; i < to; i++) value ^= bytes[i]!;
  else if (algorithm === 'sum8') for (let i = from; i < to; i++) value = (value + bytes[i]!) & 0xff;
  return value;
}
