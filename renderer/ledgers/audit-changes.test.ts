import { describe, expect, it } from 'vitest';
import { actionKey, auditChanges } from './audit-changes.ts';

describe("an audit entry's changes", () => {
  it('lists only the fields that changed, old and new', () => {
    expect(auditChanges({ name: '李娜', roles: ['clerk'], active: true }, { name: '李娜', roles: ['clerk', 'manager'], active: false })).toEqual([
      { path: ['roles'], before: 'clerk', after: 'clerk、manager' },
      { path: ['active'], before: true, after: false },
    ]);
  });

  it('shows a new record field by field and a nested one by its path', () => {
    expect(auditChanges(undefined, { workNo: 'C101', names: { zh: '综合', en: 'General' } })).toEqual([
      { path: ['workNo'], before: undefined, after: 'C101' },
      { path: ['names', 'zh'], before: undefined, after: '综合' },
      { path: ['names', 'en'], before: undefined, after: 'General' },
    ]);
  });

  it('keeps a plain recorded value and a removed field', () => {
    expect(auditChanges(null, '2026-11-25T02:00:00.000Z')).toEqual([{ path: [], before: null, after: '2026-11-25T02:00:00.000Z' }]);
    expect(auditChanges({ printer: 'A' }, {})).toEqual([{ path: ['printer'], before: 'A', after: undefined }]);
  });

  it('gives every action code a flat translation key', () => {
    expect(actionKey('staff.update.password')).toBe('staff_update_password');
  });
});
