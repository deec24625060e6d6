import { describe, expect, it } from 'vitest';
import { hallInHours, mayInstall, shouldCheck } from './update-policy.ts';

const hours = { timeZone: 'Asia/Shanghai', opensAt: '08:30', closesAt: '17:30' };
// Shanghai is UTC+8 all year.
const shanghai = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+08:00`);

describe('when a desktop app updates', () => {
  it('checks at start and then every four hours', () => {
    expect(shouldCheck(shanghai('10:00'), undefined)).toBe(true);
    expect(shouldCheck(shanghai('13:59'), shanghai('10:00'))).toBe(false);
    expect(shouldCheck(shanghai('14:00'), shanghai('10:00'))).toBe(true);
  });

  it('counts the hall as open from an hour before opening to an hour after closing, in the hall’s zone', () => {
    expect(hallInHours(shanghai('07:29'), hours)).toBe(false);
    expect(hallInHours(shanghai('07:30'), hours)).toBe(true);
    expect(hallInHours(shanghai('18:29'), hours)).toBe(true);
    expect(hallInHours(shanghai('18:30'), hours)).toBe(false);
    // The PC's own zone plays no part: 02:00 UTC is 10:00 in the hall.
    expect(hallInHours(new Date('2026-11-25T02:00:00Z'), hours)).toBe(true);
    expect(hallInHours(shanghai('23:00'), { ...hours, opensAt: null, closesAt: null })).toBe(false);
  });

  it('installs at night on an idle PC, never while the hall is open, the PC in use, the hours unknown or the version bad', () => {
    const night = { now: shanghai('22:00'), downloaded: '1.3.0', badVersions: [], hours, idleSeconds: 3600 };
    expect(mayInstall(night)).toEqual({ install: true });
    expect(mayInstall({ ...night, now: shanghai('11:00') })).toEqual({ install: false, reason: 'hall_open' });
    expect(mayInstall({ ...night, idleSeconds: 60 })).toEqual({ install: false, reason: 'pc_in_use' });
    expect(mayInstall({ ...night, hours: undefined })).toEqual({ install: false, reason: 'hours_unknown' });
    expect(mayInstall({ ...night, badVersions: ['1.3.0'] })).toEqual({ install: false, reason: 'bad_version' });
    expect(mayInstall({ ...night, downloaded: undefined })).toEqual({ install: false, reason: 'nothing_downloaded' });
  });
});
