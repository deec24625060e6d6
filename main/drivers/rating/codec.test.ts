import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFrameParser, decodeEvent, encodeCommand, encodeFrame, type Frame } from './codec.ts';
import { isFramedProfile, type FramedProfile, parseRatingProfile } from '../../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../../common/rating-profile/builtin-profiles.ts';
import { loadProfileFile } from './profile-library.ts';

// Every expected byte below was written out by hand from the protocol in docs/devices.md
// (STX ADDR CMD LEN DATA XOR ETX, the XOR over ADDR..last DATA byte), not produced by the
// encoder: the encoder is what these bytes check.
const bytes = (hex: string): Uint8Array =>
  hex.trim() === '' ? new Uint8Array(0) : Uint8Array.from(hex.trim().split(/\s+/), (pair) => Number.parseInt(pair, 16));
const hexOf = (data: Uint8Array): string => Array.from(data, (b) => b.toString(16).padStart(2, '0')).join(' ');

const framed = (profile: unknown): FramedProfile => {
  if (typeof profile !== 'object' || profile === null || !('transport' in profile)) throw new Error('not a profile');
  const parsed = parseRatingProfile(profile);
  if (!isFramedProfile(parsed)) throw new Error(`${parsed.name} is not a framed profile`);
  return parsed;
};
const reference = framed(builtinProfiles.find((p) => p.name === 'reference-serial'));
const vendor = framed(loadProfileFile(join(import.meta.dirname, 'profiles/vendor-examples/example-sum8.json')));

/** Runs chunks through a fresh parser and returns what it saw. */
function parse(profile: FramedProfile, chunks: readonly Uint8Array[]) {
  const frames: Frame[] = [];
  const bad: string[] = [];
  const noise: string[] = [];
  const parser = createFrameParser(profile, {
    onFrame: (frame) => frames.push(frame),
    onBadChecksum: (raw) => bad.push(hexOf(raw)),
    onNoise: (skipped) => noise.push(hexOf(skipped)),
  });
  for (const chunk of chunks) parser.push(chunk);
  return { frames, bad, noise, parser };
}

const frameOf = (address: number | undefined, command: number, data: string): Frame => ({ address, command, data: bytes(data) });

describe('encodeCommand with the reference protocol', () => {
  it('greets address 1', () => {
    expect(hexOf(encodeCommand(reference, 'greet', {}, 1))).toBe('02 01 10 00 11 03');
  });

  it('puts the address in ADDR and in the XOR', () => {
    // 05 ^ 10 ^ 00 = 15
    expect(hexOf(encodeCommand(reference, 'greet', {}, 5))).toBe('02 05 10 00 15 03');
  });

  it('shows the staff member as UTF-8 "workNo|name|window"', () => {
    // "007|张三|3": 30 30 37 7C, 张 = E5 BC A0, 三 = E4 B8 89, 7C 33: 12 bytes (0x0C).
    // XOR: 01^11^0C = 1C; data XOR: 30^30^37^7C^E5^BC^A0^E4^B8^89^7C^33 = 28; 1C^28 = 34.
    expect(hexOf(encodeCommand(reference, 'showStaff', { workNo: '007', name: '张三', window: '3' }, 1))).toBe(
      '02 01 11 0c 30 30 37 7c e5 bc a0 e4 b8 89 7c 33 34 03',
    );
  });

  it('invites a rating with the timeout as one byte of seconds', () => {
    // 30 s = 0x1E; 01^12^01^1E = 0C
    expect(hexOf(encodeCommand(reference, 'invite', { timeoutSeconds: 30 }, 1))).toBe('02 01 12 01 1e 0c 03');
  });

  it('cancels and polls', () => {
    expect(hexOf(encodeCommand(reference, 'cancel', {}, 1))).toBe('02 01 13 00 12 03');
    expect(hexOf(encodeCommand(reference, 'poll', {}, 1))).toBe('02 01 1f 00 1e 03');
  });

  it('keeps the timeout in one byte: rounds up, clamps to 0..255', () => {
    expect(hexOf(encodeCommand(reference, 'invite', { timeoutSeconds: 999 }, 1))).toBe('02 01 12 01 ff ed 03');
    expect(hexOf(encodeCommand(reference, 'invite', { timeoutSeconds: 0.2 }, 1))).toBe('02 01 12 01 01 13 03');
    expect(hexOf(encodeCommand(reference, 'invite', { timeoutSeconds: -5 }, 1))).toBe('02 01 12 01 00 12 03');
  });

  it('cuts text that would overflow the frame at a character boundary', () => {
    const small = framed({ ...reference, frame: { ...reference.frame, maxDataLength: 8 } });
    // "1|张三|3" is 1+1+3+3+1+1 = 10 bytes; dropping characters from the end, "1|张三" is the first to fit in 8.
    const frame = encodeCommand(small, 'showStaff', { workNo: '1', name: '张三', window: '3' }, 1);
    expect(frame[3]).toBe(8);
    expect(new TextDecoder().decode(frame.subarray(4, 12))).toBe('1|张三');
  });

  it('refuses a command the profile does not have', () => {
    expect(() => encodeCommand(vendor, 'greet', {}, 1)).toThrow('profile example-sum8 has no "greet" command');
  });
});

describe('decodeEvent with the reference protocol', () => {
  const one = (hex: string) => {
    const { frames } = parse(reference, [bytes(hex)]);
    expect(frames).toHaveLength(1);
    return decodeEvent(reference, frames[0]!);
  };

  it('reads keys 1..5 as 非常满意 .. 非常不满意', () => {
    // 01^20^01^k = 20^k
    expect(one('02 01 20 01 01 21 03')).toEqual({ kind: 'key', key: 1, level: 1, rating: 'very_satisfied' });
    expect(one('02 01 20 01 02 22 03')).toEqual({ kind: 'key', key: 2, level: 2, rating: 'satisfied' });
    expect(one('02 01 20 01 03 23 03')).toEqual({ kind: 'key', key: 3, level: 3, rating: 'basically_satisfied' });
    expect(one('02 01 20 01 04 24 03')).toEqual({ kind: 'key', key: 4, level: 4, rating: 'dissatisfied' });
    expect(one('02 01 20 01 05 25 03')).toEqual({ kind: 'key', key: 5, level: 5, rating: 'very_dissatisfied' });
  });

  it('reads the timeout and the status', () => {
    expect(one('02 01 21 00 20 03')).toEqual({ kind: 'timeout' });
    expect(one('02 01 2f 01 00 2f 03')).toEqual({ kind: 'status', ok: true, code: 0 });
    expect(one('02 01 2f 01 07 28 03')).toEqual({ kind: 'status', ok: false, code: 7 });
  });

  it('does not make a rating of an unknown command or a key outside the map', () => {
    expect(one('02 01 22 00 23 03')).toBeUndefined();
    // key 9: 20^09 = 29
    expect(one('02 01 20 01 09 29 03')).toBeUndefined();
    expect(one('02 01 20 00 21 03')).toBeUndefined();
  });

  it('maps a 3-key device onto the five levels and keeps the raw key', () => {
    const threeKeys = framed({ ...reference, keys: { '1': 1, '2': 3, '3': 5 } });
    expect(decodeEvent(threeKeys, frameOf(1, 0x20, '02'))).toEqual({ kind: 'key', key: 2, level: 3, rating: 'basically_satisfied' });
    expect(decodeEvent(threeKeys, frameOf(1, 0x20, '04'))).toBeUndefined();
  });
});

describe('createFrameParser with the reference protocol', () => {
  const greet = bytes('02 01 10 00 11 03');
  const key4 = bytes('02 01 20 01 04 24 03');
  // ETX (03) and STX (02) inside DATA: 01^11^03 = 13, ^03^02^03 = 11.
  const etxInside = bytes('02 01 11 03 03 02 03 11 03');
  const status = bytes('02 01 2f 01 00 2f 03');
  const stream = Uint8Array.from([...greet, ...key4, ...etxInside, ...status]);
  const expected = [frameOf(1, 0x10, ''), frameOf(1, 0x20, '04'), frameOf(1, 0x11, '03 02 03'), frameOf(1, 0x2f, '00')];

  it('uses LEN, so an ETX or STX byte inside DATA is data', () => {
    expect(parse(reference, [etxInside]).frames).toEqual([frameOf(1, 0x11, '03 02 03')]);
    // A timeout of 3 s puts 03 in DATA: 01^12^01^03 = 11.
    expect(hexOf(encodeCommand(reference, 'invite', { timeoutSeconds: 3 }, 1))).toBe('02 01 12 01 03 11 03');
    expect(parse(reference, [bytes('02 01 12 01 03 11 03')]).frames).toEqual([frameOf(1, 0x12, '03')]);
  });

  it('finds merged frames in one read', () => {
    const { frames, parser } = parse(reference, [stream]);
    expect(frames).toEqual(expected);
    expect(parser.stats).toEqual({ frames: 4, badChecksum: 0, malformed: 0, noiseBytes: 0 });
    expect(parser.pending).toBe(0);
  });

  it('finds the same frames however the reads split them', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parse(reference, [stream.subarray(0, cut), stream.subarray(cut)]).frames, `cut at ${cut}`).toEqual(expected);
      for (let second = cut + 1; second < stream.length; second++) {
        expect(
          parse(reference, [stream.subarray(0, cut), stream.subarray(cut, second), stream.subarray(second)]).frames,
          `cuts at ${cut} and ${second}`,
        ).toEqual(expected);
      }
    }
    expect(
      parse(
        reference,
        Array.from(stream, (b) => Uint8Array.of(b)),
      ).frames,
    ).toEqual(expected);
  });

  it('skips noise before and between frames, and counts it', () => {
    const { frames, noise, parser } = parse(reference, [bytes('ff 00 13 03 41'), greet, bytes('55 aa'), key4, bytes('03 03')]);
    expect(frames).toEqual([frameOf(1, 0x10, ''), frameOf(1, 0x20, '04')]);
    expect(noise).toEqual(['ff 00 13 03 41', '55 aa', '03 03']);
    expect(parser.stats.noiseBytes).toBe(9);
  });

  it('drops a frame with a bad checksum, counts it, and finds the next one', () => {
    const corrupt = bytes('02 01 20 01 04 25 03');
    const { frames, bad, parser } = parse(reference, [corrupt, key4]);
    expect(frames).toEqual([frameOf(1, 0x20, '04')]);
    expect(bad).toEqual(['02 01 20 01 04 25 03']);
    expect(parser.stats.badChecksum).toBe(1);
    expect(parser.stats.noiseBytes).toBe(corrupt.length);
  });

  it('drops a frame whose end byte is wrong', () => {
    const { frames, parser } = parse(reference, [bytes('02 01 20 01 04 24 04'), key4]);
    expect(frames).toEqual([frameOf(1, 0x20, '04')]);
    expect(parser.stats.malformed).toBe(1);
  });

  it('resynchronises after a stray STX that swallowed the start of a real frame', () => {
    // The stray 02 reads LEN from inside the real frame (02 01 [02] ...): the candidate
    // fails its end byte and scanning resumes right after the stray STX.
    const { frames } = parse(reference, [bytes('02 01'), key4, greet]);
    expect(frames).toEqual([frameOf(1, 0x20, '04'), frameOf(1, 0x10, '')]);
  });

  it('holds a partial frame until its bytes come, and gives it up when the line goes quiet', () => {
    // A stray STX then LEN = 0xC8: the parser waits for 200 data bytes that never come,
    // and the real frame behind it waits too — until expire().
    const { frames, parser } = parse(reference, [bytes('02 07 20 c8'), key4]);
    expect(frames).toEqual([]);
    expect(parser.pending).toBe(4 + key4.length);
    parser.expire();
    expect(frames).toEqual([frameOf(1, 0x20, '04')]);
    expect(parser.pending).toBe(0);
    expect(parser.stats.noiseBytes).toBe(4);
  });

  it('forgets a partial frame on reset', () => {
    const { frames, parser } = parse(reference, [key4.subarray(0, 4)]);
    parser.reset();
    parser.push(key4);
    expect(frames).toEqual([frameOf(1, 0x20, '04')]);
    expect(parser.stats.noiseBytes).toBe(4);
  });

  it('drops LEN beyond the profile maximum at once', () => {
    const short = framed({ ...reference, frame: { ...reference.frame, maxDataLength: 16 } });
    const { frames, parser } = parse(short, [bytes('02 01 20 ff'), key4]);
    expect(frames).toEqual([frameOf(1, 0x20, '04')]);
    expect(parser.stats.malformed).toBe(1);
    expect(parser.pending).toBe(0);
  });

  it('drops LEN beyond the reply maximum at once when parsing replies', () => {
    expect(reference.frame.maxReplyDataLength).toBe(16);
    const frames: Frame[] = [];
    const parser = createFrameParser(reference, { onFrame: (frame) => frames.push(frame) }, { maxDataLength: reference.frame.maxReplyDataLength });
    // A stray STX whose LEN (0x11 = 17) is one more than any reply: no waiting for 17 bytes.
    parser.push(bytes('02 01 20 11'));
    expect(parser.pending).toBe(0);
    parser.push(key4);
    expect(frames).toEqual([frameOf(1, 0x20, '04')]);
  });
});

describe('a vendor profile with another frame (header AA 55, LEN first, sum8, no end byte)', () => {
  it('encodes its commands from the file alone', () => {
    // LEN = 2 data bytes + 2 (its LEN counts ADDR and CMD) = 04; sum 04+01+42+1E+01 = 66.
    expect(hexOf(encodeCommand(vendor, 'invite', { timeoutSeconds: 30 }, 1))).toBe('aa 55 04 01 42 1e 01 66');
    // "工号007 张三" in GB18030: B9A4 BAC5 30 30 37 20 D5C5 C8FD: 12 bytes, LEN 0E;
    // sum 0E+01+41 = 50, +B9+A4+BA+C5+30+30+37+20+D5+C5+C8+FD = 0x6F2 → F2; 50+F2 = 0x142 → 42.
    expect(hexOf(encodeCommand(vendor, 'showStaff', { workNo: '007', name: '张三' }, 1))).toBe('aa 55 0e 01 41 b9 a4 ba c5 30 30 37 20 d5 c5 c8 fd 42');
    // 02+03+40 = 45
    expect(hexOf(encodeCommand(vendor, 'poll', {}, 3))).toBe('aa 55 02 03 40 45');
  });

  it('reads its events, the key implied by the command byte, through the 3-key map', () => {
    // Key 3 (不满意): cmd C3, sum 02+01+C3 = C6. A header split across reads, noise with a lone AA first.
    const { frames } = parse(vendor, [bytes('aa 00 aa'), bytes('55 02 01 c3'), bytes('c6')]);
    expect(frames).toEqual([frameOf(1, 0xc3, '')]);
    expect(decodeEvent(vendor, frames[0]!)).toEqual({ kind: 'key', key: 3, level: 4, rating: 'dissatisfied' });
    expect(decodeEvent(vendor, frameOf(1, 0xc1, ''))).toEqual({ kind: 'key', key: 1, level: 2, rating: 'satisfied' });
    expect(decodeEvent(vendor, frameOf(1, 0xc0, ''))).toEqual({ kind: 'status', ok: true, code: 0 });
    expect(decodeEvent(vendor, frameOf(1, 0xc4, ''))).toEqual({ kind: 'timeout' });
  });

  it('drops its bad checksums too', () => {
    const { frames, parser } = parse(vendor, [bytes('aa 55 02 01 c3 c7 aa 55 02 01 c3 c6')]);
    expect(frames).toEqual([frameOf(1, 0xc3, '')]);
    expect(parser.stats.badChecksum).toBe(1);
  });

  it('round-trips any frame through encodeFrame and the parser', () => {
    const frame = encodeFrame(vendor.frame, 9, 0x55, bytes('aa 55 00 ff'));
    expect(parse(vendor, [frame]).frames).toEqual([frameOf(9, 0x55, 'aa 55 00 ff')]);
  });
});
