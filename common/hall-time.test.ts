import { describe, expect, it } from 'vitest';
import { hallClock, hallDay, hallDayStart, hallStamp, isWithinHours } from './hall-time.ts';

const shanghai = 'Asia/Shanghai';

describe('hallDay', () => {
  it('turns over at midnight in Shanghai, which is 16:00 UTC', () => {
    expect(hallDay(new Date('2025-03-03T15:59:00Z'), shanghai)).toBe('2025-03-03');
    expect(hallDay(new Date('2025-03-03T16:00:00Z'), shanghai)).toBe('2025-03-04');
    expect(hallDay(new Date('2025-03-03T16:01:00Z'), shanghai)).toBe('2025-03-04');
  });

  it('keeps the Shanghai day when UTC passes its own midnight', () => {
    // 23:59 and 00:01 UTC are 07:59 and 08:01 the same morning in Shanghai.
    expect(hallDay(new Date('2025-03-03T23:59:00Z'), shanghai)).toBe('2025-03-04');
    expect(hallDay(new Date('2025-03-04T00:01:00Z'), shanghai)).toBe('2025-03-04');
  });

  it("follows the hall's own zone, not the server's", () => {
    const instant = new Date('2025-03-03T20:00:00Z');
    expect(hallDay(instant, 'UTC')).toBe('2025-03-03');
    expect(hallDay(instant, shanghai)).toBe('2025-03-04');
    expect(hallDay(instant, 'Asia/Urumqi')).toBe('2025-03-04');
  });

  it('handles a year end', () => {
    expect(hallDay(new Date('2025-12-31T16:30:00Z'), shanghai)).toBe('2026-01-01');
  });
});

describe('hallDayStart', () => {
  it("is the UTC instant of the hall's midnight", () => {
    expect(hallDayStart(new Date('2025-03-03T01:00:00Z'), shanghai).toISOString()).toBe('2025-03-02T16:00:00.000Z');
    expect(hallDayStart(new Date('2025-03-03T16:01:00Z'), shanghai).toISOString()).toBe('2025-03-03T16:00:00.000Z');
    expect(hallDayStart(new Date('2025-03-03T15:59:59Z'), shanghai).toISOString()).toBe('2025-03-02T16:00:00.000Z');
    expect(hallDayStart(new Date('2025-03-03T12:34:56Z'), 'UTC').toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });
});

describe('isWithinHours', () => {
  // 08:29, 08:30, 17:29, 17:30 in Shanghai.
  const local = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return new Date(Date.UTC(2025, 2, 3, h! - 8, m));
  };

  it('opens at opensAt and stops issuing at closesAt', () => {
    expect(isWithinHours(local('08:29'), shanghai, '08:30', '17:30')).toBe(false);
    expect(isWithinHours(local('08:30'), shanghai, '08:30', '17:30')).toBe(true);
    expect(isWithinHours(local('17:29'), shanghai, '08:30', '17:30')).toBe(true);
    expect(isWithinHours(local('17:30'), shanghai, '08:30', '17:30')).toBe(false);
  });

  it("reads the hours on the hall's clock", () => {
    // 01:00 UTC is 09:00 in Shanghai (open) but 01:00 on a UTC clock (closed).
    const instant = new Date('2025-03-03T01:00:00Z');
    expect(hallClock(instant, shanghai)).toBe('09:00');
    expect(isWithinHours(instant, shanghai, '08:30', '17:30')).toBe(true);
    expect(isWithinHours(instant, 'UTC', '08:30', '17:30')).toBe(false);
  });

  it('stays open through the last minute of the day with hours 00:00–24:00', () => {
    // 23:59:30 in Shanghai: "23:59" is not before a 23:59 close, but it is before 24:00.
    expect(isWithinHours(new Date('2025-03-03T15:59:30Z'), shanghai, '00:00', '23:59')).toBe(false);
    expect(isWithinHours(new Date('2025-03-03T15:59:30Z'), shanghai, '00:00', '24:00')).toBe(true);
    expect(isWithinHours(new Date('2025-03-03T16:00:00Z'), shanghai, '00:00', '24:00')).toBe(true);
  });

  it('covers the day from 00:00 with hours 00:00–23:59, midnight itself included', () => {
    expect(hallClock(new Date('2025-03-03T16:00:00Z'), shanghai)).toBe('00:00');
    expect(isWithinHours(new Date('2025-03-03T16:00:00Z'), shanghai, '00:00', '23:59')).toBe(true);
    expect(isWithinHours(new Date('2025-03-03T15:58:00Z'), shanghai, '00:00', '23:59')).toBe(true);
  });
});

describe('the hall clock read by arithmetic', () => {
  // The reference: Intl's own formatting, which the hall clock used for every call before.
  const byIntl = (date: Date, timeZone: string) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(date)
        .map((x) => [x.type, x.value]),
    );
    return { day: `${p.year}-${p.month}-${p.day}`, clock: `${p.hour}:${p.minute}`, stamp: `${p.year}-${p.month}-${p.day}T${p.hour}${p.minute}${p.second}` };
  };
  const zones = [
    'Asia/Shanghai',
    'Asia/Urumqi',
    'UTC',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Africa/Monrovia',
  ];
  // Daylight-saving changes and odd historic offsets, each probed either side to the second.
  const edges = [
    '2025-03-09T07:00:00Z',
    '2025-11-02T06:00:00Z',
    '2025-03-30T01:00:00Z',
    '2025-04-05T15:00:00Z',
    '2025-10-04T15:30:00Z',
    '1972-01-07T00:44:30Z',
    '1986-05-03T16:00:00Z',
    '1991-09-14T15:00:00Z',
  ];

  it("gives Intl's day, clock and stamp for instants across zones, years and offset changes", () => {
    const instants: Date[] = [];
    for (const edge of edges) for (const s of [-61, -60, -1, 0, 1, 59, 60]) instants.push(new Date(Date.parse(edge) + s * 1000));
    // A fixed spread from 1970 to 2040, with milliseconds, so no instant is special.
    for (let i = 0; i < 3000; i++) instants.push(new Date(Date.UTC(1970, 0, 1) + ((i * 2_654_435_761) % 2_208_988_800) * 1000 + (i % 997)));
    const wrong: string[] = [];
    for (const zone of zones)
      for (const at of instants) {
        const want = byIntl(at, zone);
        const got = { day: hallDay(at, zone), clock: hallClock(at, zone), stamp: hallStamp(at, zone) };
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${zone} ${at.toISOString()}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
