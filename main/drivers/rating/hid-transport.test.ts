import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../common/logger.ts';
import { encodeFrame } from './command-encoder.ts';
import { createFrameParser, type Frame } from './frame-parser.ts';
import { createHidTransport, type HidDevice, splitIntoReports } from './hid-transport.ts';
import { type HidProfile, parseRatingProfile } from '../../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../../common/rating-profile/builtin-profiles.ts';
import { createRatingDevice } from './rating-device.ts';

// A stand-in for node-hid's device: no HID keypad can be plugged into a build or CI
// machine, and node-hid is not installed here. It plays the keypad at the report level
// (fixed-size, zero-padded reports, an 'error' on unplug), which is all the transport sees.

const reference = builtinProfiles.find((p) => p.name === 'reference-serial');
if (reference?.transport !== 'serial') throw new Error('no reference profile');
const { serial: _serial, transport: _transport, ...framed } = reference;
const hidProfile = parseRatingProfile({
  ...framed,
  name: 'reference-hid',
  transport: 'hid',
  hid: { vendorId: '0x1A86', productId: '0xE010', reportSize: 16 },
  heartbeat: { intervalMs: 5_000, answerTimeoutMs: 1_000 },
});
if (hidProfile.transport !== 'hid') throw new Error('expected a HID profile');
const profile: HidProfile = hidProfile;

class FakeHidKeypad extends EventEmitter implements HidDevice {
  reports: number[][] = [];
  closed = false;
  private readonly parser = createFrameParser(profile, { onFrame: (frame) => this.onCommand(frame) });
  private readonly answerKey: number;
  constructor(answerKey: number) {
    super();
    this.answerKey = answerKey;
  }
  write(values: number[]): number {
    this.reports.push(values);
    // Drop the report ID; the zero padding is noise to the parser.
    this.parser.push(Uint8Array.from(values.slice(1)));
    return values.length;
  }
  close(): void {
    this.closed = true;
  }
  private onCommand(frame: Frame) {
    const reply = (cmd: number, data: number[]) => {
      const report = new Uint8Array(16);
      report.set(encodeFrame(profile.frame, 1, cmd, Uint8Array.from(data)));
      setTimeout(() => this.emit('data', report), 1);
    };
    if (frame.command === 0x1f) reply(0x2f, [0]);
    if (frame.command === 0x12) reply(0x20, [this.answerKey]);
  }
}

describe('splitIntoReports', () => {
  it('puts the report ID first and zero-pads the last report', () => {
    expect(splitIntoReports(Uint8Array.of(2, 1, 16, 0, 17, 3), { reportId: 0, reportSize: 8 })).toEqual([[0, 2, 1, 16, 0, 17, 3, 0, 0]]);
    const long = splitIntoReports(new Uint8Array(20).fill(7), { reportId: 5, reportSize: 8 });
    expect(long.map((report) => report.length)).toEqual([9, 9, 9]);
    expect(long[2]).toEqual([5, 7, 7, 7, 7, 0, 0, 0, 0]);
  });
});

describe('a HID rating device (stand-in device)', () => {
  it('invites and rates through reports, and reconnects after an unplug', async () => {
    const keypads: FakeHidKeypad[] = [];
    let plugged = false;
    const transport = createHidTransport(
      { vendorId: profile.hid.vendorId, productId: profile.hid.productId, reportId: profile.hid.reportId, reportSize: profile.hid.reportSize },
      {
        logger: silentLogger,
        reconnect: { initialMs: 10, maxMs: 40 },
        openDevice: async () => {
          if (!plugged) throw new Error('could not open HID device');
          const keypad = new FakeHidKeypad(keypads.length === 0 ? 4 : 1);
          keypads.push(keypad);
          return keypad;
        },
      },
    );
    expect(transport.description).toBe('hid 1a86:e010');
    const device = createRatingDevice({ profile, transport, address: 1 });
    device.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(device.health).toBe('disconnected');

    plugged = true;
    await expect.poll(() => device.health).toBe('connected');
    const request = { workNo: '007', name: '张三', window: '3', timeoutSeconds: 30 };
    await expect(device.invite(request)).resolves.toEqual({ key: 4, level: 4, rating: 'dissatisfied' });
    // "007|张三|3" is 18 bytes with its frame: two 16-byte reports.
    expect(keypads[0]?.reports.every((report) => report.length === 17 && report[0] === 0)).toBe(true);

    keypads[0]?.emit('error', new Error('could not read from HID device'));
    expect(device.health).toBe('disconnected');
    expect(keypads[0]?.closed).toBe(true);
    await expect.poll(() => device.health).toBe('connected');
    await expect(device.invite(request)).resolves.toEqual({ key: 1, level: 1, rating: 'very_satisfied' });
    await device.stop();
    expect(keypads[1]?.closed).toBe(true);
  });
});
