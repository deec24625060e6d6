import { describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from './audit.ts';
import { scratchDatabase } from './testing/scratch-database.ts';

const db = scratchDatabase('audit');

const entry = (action: string, at: string) => ({ at, actorStaffId: null, action, target: 'staff:1', before: undefined, after: { name: 'Li Na' } });

describe('listAudit', () => {
  it('lists the newest entries first, filtered by action, up to the limit', () => {
    appendAudit(db(), entry('staff.create', '2025-03-01T08:00:00.000Z'));
    appendAudit(db(), entry('staff.update', '2025-03-01T08:01:00.000Z'));
    appendAudit(db(), entry('staff.create', '2025-03-01T08:02:00.000Z'));

    expect(listAudit(db(), { action: 'staff.create', limit: 10 }).map((r) => r.at)).toEqual(['2025-03-01T08:02:00.000Z', '2025-03-01T08:00:00.000Z']);
    expect(listAudit(db(), { limit: 10 }).map((r) => r.action)).toEqual(['staff.create', 'staff.update', 'staff.create']);
    expect(listAudit(db(), { limit: 1 })).toHaveLength(1);
  });

  it('gives back what was written, with no "before" when there was none', () => {
    appendAudit(db(), entry('staff.create', '2025-03-01T08:00:00.000Z'));
    const [row] = listAudit(db(), { limit: 1 });
    expect(row).toEqual({ id: 1, ...entry('staff.create', '2025-03-01T08:00:00.000Z') });
  });
});
