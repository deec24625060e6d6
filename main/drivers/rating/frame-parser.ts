import { checksumOf, fieldPosition, frameLayoutOf } from '../../../common/rating-profile/frame-layout.ts';
import type { FrameSpec } from '../../../common/rating-profile/profile.ts';

/** One frame as it came off the line, checksum verified. */
export type Frame = {
  /** undefined for a protocol without an address field. */
  address: number | undefined;
  command: number;
  data: Uint8Array;
};

export type FrameParserHandlers = {
  onFrame: (frame: Frame) => void;
  /** A candidate frame whose layout fit but whose checksum did not: dropped, counted. */
  onBadChecksum?: (raw: Uint8Array) => void;
  /** Bytes that belong to no frame (line noise, a frame cut by an unplug). */
  onNoise?: (bytes: Uint8Array) => void;
};

export type FrameParserStats = {
  frames: number;
  badChecksum: number;
  /** Candidates dropped before their checksum: LEN out of range or the wrong end byte. */
  malformed: number;
  noiseBytes: number;
};

export type FrameParser = {
  /** Takes bytes as the line delivers them: any split, several frames at once, noise between. */
  push: (chunk: Uint8Array) => void;
  /**
   * Gives up on a partial frame held back waiting for more bytes. The device driver calls
   * it when the line has been quiet for the profile's gapTimeoutMs: a stray start byte in
   * noise must not hold back a real frame behind it until more bytes happen to arrive.
   */
  expire: () => void;
  /** Forgets a partial frame (after a reconnect its rest will never come). */
  reset: () => void;
  /** Bytes held back as the start of a frame still arriving. */
  readonly pending: number;
  readonly stats: Readonly<FrameParserStats>;
};

const empty = new Uint8Array(0);

// Not bytes.slice(): on a Node Buffer (what serialport delivers) slice is a view, not a copy.
const copy = (bytes: Uint8Array, from: number, to: number): Uint8Array => new Uint8Array(bytes.subarray(from, to));

/**
 * A streaming parser for a profile's frame layout. It finds a frame by its start bytes,
 * reads LEN to know where the frame ends (so an end byte inside DATA is just data), and
 * checks the end bytes and the checksum. A candidate that fails is dropped one byte at a
 * time: scanning resumes at the byte after its start, so a stray start byte in noise
 * cannot swallow a real frame that follows it. Never throws on any input.
 */
export function createFrameParser(profile: { frame: FrameSpec }, handlers: FrameParserHandlers, options: { maxDataLength?: number } = {}): FrameParser {
  const layout = frameLayoutOf(profile.frame);
  const { start, end, fixedLength, lengthOffset, algorithm } = layout;
  // The host parses replies (profile.frame.maxReplyDataLength); a fake device parses commands.
  const maxDataLength = Math.min(options.maxDataLength ?? layout.maxDataLength, layout.maxDataLength);
  const firstStartByte = start[0]!;
  // LEN always comes before DATA, so its offset does not depend on the data length.
  const lenOffset = layout.len ? layout.len.offset : -1;
  const headerLength = layout.len ? layout.len.offset + 1 : fixedLength;
  const stats: FrameParserStats = { frames: 0, badChecksum: 0, malformed: 0, noiseBytes: 0 };
  let pending: Uint8Array = empty;

  const noise = (bytes: Uint8Array, from: number, to: number) => {
    stats.noiseBytes += to - from;
    handlers.onNoise?.(bytes.subarray(from, to));
  };

  /** Start bytes at i: 1 all there, 0 a prefix cut by the end of the buffer, -1 not a start. */
  const startAt = (bytes: Uint8Array, i: number): 1 | 0 | -1 => {
    for (let k = 1; k < start.length; k++) {
      if (i + k >= bytes.length) return 0;
      if (bytes[i + k] !== start[k]) return -1;
    }
    return 1;
  };

  /** Parses what it can; returns the offset where a partial frame starts (bytes.length when none). */
  function scan(bytes: Uint8Array, final: boolean): number {
    const n = bytes.length;
    let i = 0;
    let noiseFrom = 0;
    while (i < n) {
      const s = bytes.indexOf(firstStartByte, i);
      if (s < 0) {
        i = n;
        break;
      }
      i = s;
      const started = startAt(bytes, i);
      if (started === -1) {
        i += 1;
        continue;
      }
      if (started === 0 || n - i < headerLength) {
        if (final) {
          i += 1;
          continue;
        }
        break;
      }
      const dataLength = lenOffset < 0 ? 0 : bytes[i + lenOffset]! - lengthOffset;
      if (dataLength < 0 || dataLength > maxDataLength) {
        stats.malformed++;
        i += 1;
        continue;
      }
      const total = fixedLength + dataLength;
      if (n - i < total) {
        if (final) {
          i += 1;
          continue;
        }
        break;
      }
      let endOk = true;
      for (let k = 0, at = i + total - end.length; k < end.length; k++, at++) {
        if (bytes[at] !== end[k]) {
          endOk = false;
          break;
        }
      }
      if (!endOk) {
        stats.malformed++;
        i += 1;
        continue;
      }
      if (layout.checksum) {
        const expected = checksumOf(algorithm, bytes, i + layout.spanStart(dataLength), i + layout.spanEnd(dataLength));
        if (bytes[i + fieldPosition(layout.checksum, dataLength)] !== expected) {
          stats.badChecksum++;
          handlers.onBadChecksum?.(copy(bytes, i, i + total));
          i += 1;
          continue;
        }
      }
      if (i > noiseFrom) noise(bytes, noiseFrom, i);
      stats.frames++;
      const dataStart = i + layout.dataOffset;
      handlers.onFrame({
        address: layout.addr ? bytes[i + fieldPosition(layout.addr, dataLength)] : undefined,
        command: bytes[i + fieldPosition(layout.cmd, dataLength)]!,
        // A copy: the caller may keep the frame, and the line's buffer is not ours.
        data: copy(bytes, dataStart, dataStart + dataLength),
      });
      i += total;
      noiseFrom = i;
    }
    if (i > noiseFrom) noise(bytes, noiseFrom, i);
    return i;
  }

  const run = (bytes: Uint8Array, final: boolean) => {
    const rest = scan(bytes, final);
    pending = rest < bytes.length ? copy(bytes, rest, bytes.length) : empty;
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      if (pending.length === 0) return run(chunk, false);
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending, 0);
      joined.set(chunk, pending.length);
      run(joined, false);
    },
    expire() {
      if (pending.length > 0) run(pending, true);
    },
    reset() {
      if (pending.length > 0) noise(pending, 0, pending.length);
      pending = empty;
    },
    get pending() {
      return pending.length;
    },
    stats,
  };
}
