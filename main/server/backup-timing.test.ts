import { describe, expect, it } from 'vitest';
import { backupMoment } from './backup-timing.ts';

// Shanghai is UTC+8 all year: 10:00 there is 02:00Z.
const at = (iso: string) => new Date(iso);
const hall = [
  { active: true, opensAt: '08:30', closesAt: '17:30' },
  { active: true, opensAt: '09:00', closesAt: '12:00' },
  { active: false, opensAt: '00:00', closesAt: '24:00' },
];
const base = { timeZone: 'Asia/Shanghai', categories: hall, queueIdle: false };
const today = '2026-11-25';
const yesterday = '2026-11-24';

describe('when the daily backup runs', () => {
  it('waits through opening hours, and the quarter hour around them', () => {
    expect(backupMoment({ ...base, now: at('2026-11-25T02:00:00Z'), today, newestBackupDay: yesterday })).toEqual({ run: false, why: 'open' });
    expect(backupMoment({ ...base, now: at('2026-11-25T00:20:00Z'), today, newestBackupDay: yesterday })).toEqual({ run: false, why: 'open' }); // 08:20
    expect(backupMoment({ ...base, now: at('2026-11-25T09:40:00Z'), today, newestBackupDay: yesterday })).toEqual({ run: false, why: 'open' }); // 17:40
  });

  it('runs once the hall is closed (an inactive category does not keep it open)', () => {
    expect(backupMoment({ ...base, now: at('2026-11-25T09:50:00Z'), today, newestBackupDay: yesterday })).toEqual({ run: true, why: 'closed' }); // 17:50
    expect(backupMoment({ ...base, now: at('2026-11-24T20:00:00Z'), today, newestBackupDay: yesterday })).toEqual({ run: true, why: 'closed' }); // 04:00
  });

  it('catches up a missed night at the next quiet moment, never while people wait', () => {
    const tenAm = at('2026-11-25T02:00:00Z');
    expect(backupMoment({ ...base, now: tenAm, today, newestBackupDay: '2026-11-23', queueIdle: false })).toEqual({ run: false, why: 'busy' });
    expect(backupMoment({ ...base, now: tenAm, today, newestBackupDay: '2026-11-23', queueIdle: true })).toEqual({ run: true, why: 'overdue' });
    expect(backupMoment({ ...base, now: tenAm, today, newestBackupDay: undefined, queueIdle: true })).toEqual({ run: true, why: 'overdue' });
  });

  it('a hall open round the clock backs up only when quiet', () => {
    const allDay = [{ active: true, opensAt: '00:00', closesAt: '24:00' }];
    expect(backupMoment({ ...base, categories: allDay, now: at('2026-11-25T18:00:00Z'), today: '2026-11-26', newestBackupDay: '2026-11-24' })).toEqual({
      run: false,
      why: 'busy',
    });
    expect(
      backupMoment({ ...base, categories: allDay, now: at('2026-11-25T18:00:00Z'), today: '2026-11-26', newestBackupDay: '2026-11-24', queueIdle: true }),
    ).toEqual({ run: true, why: 'overdue' });
  });
});
