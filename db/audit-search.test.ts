import { beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from './audit.ts';
import { searchAudit } from './audit-search.ts';
import { scratchDatabase } from './testing/scratch-database.ts';

describe('searchAudit by target', () => {
  const db = scratchDatabase('audit-search');
  beforeEach(() => {
    for (const target of ['hall', 'hall:rules', 'hallway:1', 'staff:3', 'staff:30', 'complaint_x:1']) {
      appendAudit(db(), { at: '2026-11-25T02:00:00.000Z', actorStaffId: null, action: 'test.entry', target, before: null, after: null });
    }
  });

  const targets = (target: string) => searchAudit(db(), { target, limit: 100 }).map((r) => r.target);

  it('finds one record by its whole target', () => {
    expect(targets('staff:3')).toEqual(['staff:3']);
  });

  it('finds every record of a kind by "kind:", including the one the kind alone names (the hall itself)', () => {
    expect(targets('staff:')).toEqual(['staff:30', 'staff:3']);
    expect(targets('hall:')).toEqual(['hall:rules', 'hall']);
  });

  it('takes a wildcard in the filter as itself', () => {
    expect(targets('complaint%:')).toEqual([]);
    expect(targets('complaint_:')).toEqual([]);
  });
});
