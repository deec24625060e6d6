import { describe, expect, it } from 'vitest';
import { decodeDayTimes, type DayTimes, encodeDayTimes } from './day-times.ts';

const times: DayTimes = {
  groups: [
    ['all', null, 3, 2],
    ['counter', 7, 1, 1],
    ['utility', 'water', 0, 1],
  ],
  samples: Float64Array.from([300_000, 600_000, 1_080_250, 480_000, 60_000, 300_000, 480_000, 720_000]),
};

describe('kept day times', () => {
  it('read back as written, from bytes at any offset in the buffer SQLite returns', () => {
    const { groupsJson, samples } = encodeDayTimes(times);
    // Bytes at an odd offset, as a Buffer from a shared pool can be.
    const pool = Buffer.alloc(samples.byteLength + 3);
    pool.set(samples, 3);
    const decoded = decodeDayTimes({ groupsJson, samples: pool.subarray(3) });
    expect(decoded?.groups).toEqual(times.groups);
    expect([...(decoded?.samples ?? [])]).toEqual([...times.samples]);
  });

  it('are computed again when they are of another format or do not add up', () => {
    const { groupsJson, samples } = encodeDayTimes(times);
    expect(decodeDayTimes({ groupsJson: groupsJson.replace('"format":1', '"format":2'), samples: Buffer.from(samples) })).toBeUndefined();
    expect(decodeDayTimes({ groupsJson, samples: Buffer.from(samples).subarray(8) })).toBeUndefined();
    expect(decodeDayTimes({ groupsJson: 'not json', samples: Buffer.from(samples) })).toBeUndefined();
  });
});
