import iconv from 'iconv-lite';
import { checksumOf, fieldPosition, frameLayoutOf } from '../../../common/rating-profile/frame-layout.ts';
import type { CommandName, DataPart, FrameSpec, FramedProfile } from '../../../common/rating-profile/profile.ts';

/** What a command's data template may carry. */
export type CommandParams = {
  workNo?: string;
  name?: string;
  window?: string;
  /** How long the device waits for a key, in seconds (one byte: 0..255). */
  timeoutSeconds?: number;
};

/**
 * The bytes of one host → device command, built from the profile alone. Pure. Throws
 * when the profile has no such command: the caller checks `profile.commands` first.
 */
export function encodeCommand(profile: FramedProfile, command: CommandName, params: CommandParams, address: number): Uint8Array {
  const spec = profile.commands[command];
  if (!spec) throw new Error(`profile ${profile.name} has no "${command}" command`);
  return encodeFrame(profile.frame, address, spec.cmd, encodeData(spec.data, params, profile.frame.maxDataLength));
}

/** One frame around the given data. Pure; also what a test's fake device answers with. */
export function encodeFrame(frame: FrameSpec, address: number, cmd: number, data: Uint8Array): Uint8Array {
  const layout = frameLayoutOf(frame);
  if (data.length > layout.maxDataLength) throw new RangeError(`${data.length} data bytes do not fit a frame of at most ${layout.maxDataLength}`);
  const bytes = new Uint8Array(layout.fixedLength + data.length);
  bytes.set(layout.start, 0);
  bytes[fieldPosition(layout.cmd, data.length)] = cmd & 0xff;
  if (layout.addr) bytes[fieldPosition(layout.addr, data.length)] = address & 0xff;
  if (layout.len) bytes[fieldPosition(layout.len, data.length)] = data.length + layout.lengthOffset;
  bytes.set(data, layout.dataOffset);
  if (layout.checksum)
    bytes[fieldPosition(layout.checksum, data.length)] = checksumOf(layout.algorithm, bytes, layout.spanStart(data.length), layout.spanEnd(data.length));
  bytes.set(layout.end, bytes.length - layout.end.length);
  return bytes;
}

const utf8 = new TextEncoder();
const encodeText = (text: string, encoding: 'utf8' | 'gb18030'): Uint8Array =>
  encoding === 'utf8' ? utf8.encode(text) : Uint8Array.from(iconv.encode(text, 'gb18030'));

const fillTemplate = (template: string, params: CommandParams): string =>
  template.replace(/\{(workNo|name|window|timeoutSeconds)\}/g, (_, key: keyof CommandParams) => String(params[key] ?? ''));

/**
 * A command's data, parts in order. Text that would overflow the frame is cut at a
 * character boundary rather than refused: a device with a small display still shows
 * the start of the clerk's name, and the rating still happens.
 */
export function encodeData(parts: readonly DataPart[], params: CommandParams, maxLength: number): Uint8Array {
  const fixed = parts.reduce((total, part) => total + ('bytes' in part ? part.bytes.length : 'param' in part ? 1 : 0), 0);
  let budget = maxLength - fixed;
  const encoded = parts.map((part): Uint8Array => {
    if ('bytes' in part) return Uint8Array.from(part.bytes);
    // One byte: 0..255 seconds; a fraction rounds up so the device never waits less than asked.
    if ('param' in part) return Uint8Array.of(Math.min(255, Math.max(0, Math.ceil(params.timeoutSeconds ?? 0))));
    let characters = Array.from(fillTemplate(part.text, params));
    let bytes = encodeText(characters.join(''), part.encoding);
    while (bytes.length > Math.max(0, budget)) {
      characters = characters.slice(0, -1);
      bytes = encodeText(characters.join(''), part.encoding);
    }
    budget -= bytes.length;
    return bytes;
  });
  const data = new Uint8Array(encoded.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of encoded) {
    data.set(part, offset);
    offset += part.length;
  }
  return data;
}
