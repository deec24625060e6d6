import { encodeFrame } from '../command-encoder.ts';
import { frameLayoutOf } from '../../../../common/rating-profile/frame-layout.ts';
import type { Frame } from '../frame-parser.ts';
import type { FrameSpec } from '../../../../common/rating-profile/profile.ts';

/**
 * Seeded line noise and frames for the fuzz test and the parse bench: the same seed
 * gives the same bytes on every machine, so a failure names the seed that shows it.
 * For tests and benches only: nothing in the app imports this.
 */

export type Random = {
  /** 0 <= n < 1 */
  next: () => number;
  /** 0 <= n < max */
  int: (max: number) => number;
};

/** mulberry32: small, fast and good enough to shuffle bytes; Math.random cannot be seeded. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max) => Math.floor(next() * max) };
}

/** A frame with random address, command and data (any byte values, end bytes included). */
export function randomFrame(random: Random, frame: FrameSpec, maxData = 32): { frame: Frame; bytes: Uint8Array } {
  const layout = frameLayoutOf(frame);
  const data = new Uint8Array(random.int(Math.min(maxData, layout.maxDataLength) + 1));
  for (let i = 0; i < data.length; i++) data[i] = random.int(256);
  // Without LEN a frame carries no data at all.
  const body = layout.len ? data : new Uint8Array(0);
  const address = random.int(256);
  const command = random.int(256);
  return { frame: { address: layout.addr ? address : undefined, command, data: body }, bytes: encodeFrame(frame, address, command, body) };
}

/**
 * Noise that cannot start a frame: no byte equals the first start byte. Noise with that
 * byte may by chance hold a valid frame, which the parser would rightly find, and the
 * "every embedded frame exactly once" count could not tell it from a bug.
 */
export function safeNoise(random: Random, length: number, frame: FrameSpec): Uint8Array {
  const forbidden = frameLayoutOf(frame).start[0]!;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    let byte = random.int(255);
    if (byte >= forbidden) byte += 1;
    bytes[i] = byte;
  }
  return bytes;
}

/** Any bytes at all, start bytes included. */
export function anyNoise(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(256);
  return bytes;
}

export const concatBytes = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** Frames with safe noise before, between and after them. */
export function framesInNoise(
  random: Random,
  frame: FrameSpec,
  options: { frames: number; maxNoise: number; maxData?: number },
): { bytes: Uint8Array; frames: Frame[]; noiseBytes: number } {
  const parts: Uint8Array[] = [];
  const frames: Frame[] = [];
  let noiseBytes = 0;
  for (let i = 0; i <= options.frames; i++) {
    const noise = safeNoise(random, random.int(options.maxNoise + 1), frame);
    parts.push(noise);
    noiseBytes += noise.length;
    if (i === options.frames) break;
    const made = randomFrame(random, frame, options.maxData);
    parts.push(made.bytes);
    frames.push(made.frame);
  }
  return { bytes: concatBytes(parts), frames, noiseBytes };
}

/** Cuts bytes into chunks of 1..maxChunk, as reads off a serial line come. */
export function randomChunks(random: Random, bytes: Uint8Array, maxChunk: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + random.int(maxChunk);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/** A few random edits: flipped bits, bytes changed, dropped, inserted or repeated, a cut. */
export function mutate(random: Random, input: Uint8Array): Uint8Array {
  let bytes = Array.from(input);
  const edits = 1 + random.int(4);
  for (let e = 0; e < edits; e++) {
    const at = random.int(bytes.length + 1);
    switch (random.int(6)) {
      case 0:
        if (at < bytes.length) bytes[at] = bytes[at]! ^ (1 << random.int(8));
        break;
      case 1:
        if (at < bytes.length) bytes[at] = random.int(256);
        break;
      case 2:
        bytes.splice(at, 1 + random.int(3));
        break;
      case 3:
        bytes.splice(at, 0, ...Array.from({ length: 1 + random.int(4) }, () => random.int(256)));
        break;
      case 4:
        bytes.splice(at, 0, ...bytes.slice(at, at + 1 + random.int(8)));
        break;
      default:
        bytes = bytes.slice(0, at);
    }
  }
  return Uint8Array.from(bytes);
}
