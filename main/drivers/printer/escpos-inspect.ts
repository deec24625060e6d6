/**
 * Reads ESC/POS bytes back: the QR payloads a job stores, and hexdumps that show where
 * two jobs differ. For tests and for diagnosing a printer by its captured bytes.
 */

/** The data of every QR code stored with GS ( k function 180 (cn 0x31, fn 0x50, m 0x30). */
export function qrPayloads(bytes: Buffer): string[] {
  const found: string[] = [];
  for (let i = bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b])); i !== -1; i = bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b]), i + 1)) {
    const length = (bytes[i + 3] ?? 0) | ((bytes[i + 4] ?? 0) << 8);
    if (bytes[i + 5] === 0x31 && bytes[i + 6] === 0x50 && bytes[i + 7] === 0x30) found.push(bytes.subarray(i + 8, i + 5 + length).toString('utf8'));
  }
  return found;
}

const row = (bytes: Buffer, offset: number): string => {
  const chunk = bytes.subarray(offset, offset + 16);
  const hex = [...chunk]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join(' ')
    .padEnd(47);
  const ascii = [...chunk].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  return `${offset.toString(16).padStart(6, '0')}  ${hex}  ${ascii}`;
};

/**
 * The rows where `actual` differs from `expected`, as "- expected / + actual" pairs, with
 * the byte lengths; empty when they are equal. Capped so a wholly different job stays readable.
 */
export function hexdumpDiff(expected: Buffer, actual: Buffer, maxRows = 12): string {
  if (expected.equals(actual)) return '';
  const out = [`expected ${expected.length} bytes, got ${actual.length} bytes`];
  let shown = 0;
  for (let offset = 0; offset < Math.max(expected.length, actual.length) && shown < maxRows; offset += 16) {
    const a = expected.subarray(offset, offset + 16);
    const b = actual.subarray(offset, offset + 16);
    if (a.equals(b)) continue;
    out.push(`- ${offset < expected.length ? row(expected, offset) : '(end)'}`, `+ ${offset < actual.length ? row(actual, offset) : '(end)'}`);
    shown += 1;
  }
  return out.join('\n');
}
