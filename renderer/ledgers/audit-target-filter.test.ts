import { describe, expect, it } from 'vitest';
import enUS from '../../resources/locales/en-US/ledgers.json' with { type: 'json' };
import zhCN from '../../resources/locales/zh-CN/ledgers.json' with { type: 'json' };
import { auditTargetFilter, auditTargetKinds } from './audit-target-filter.ts';

describe('the audit log target filter', () => {
  it('is every record of a kind, or the one record with that number', () => {
    expect(auditTargetFilter('', '3')).toBeUndefined();
    expect(auditTargetFilter('complaint', '')).toBe('complaint:');
    expect(auditTargetFilter('staff', ' 3 ')).toBe('staff:3');
  });

  it('offers every kind the log names, each named in both languages', () => {
    expect([...auditTargetKinds].sort()).toEqual(Object.keys(zhCN.auditTarget).sort());
    expect([...auditTargetKinds].sort()).toEqual(Object.keys(enUS.auditTarget).sort());
  });
});
