import { describe, expect, it } from 'vitest';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';

describe('camelRow', () => {
  it('puts every column under its camelCase key, values as they are', () => {
    const row: Row<'audit_log'> = {
      id: 7,
      at: '2026-03-02T08:00:00.000Z',
      actor_staff_id: null,
      action: 'tickets.issue',
      target: 'ticket:1',
      before_json: null,
      after_json: '{"a":1}',
      prev_hash: null,
      hash: 'ab',
    };
    expect(camelRow(row)).toEqual({
      id: 7,
      at: '2026-03-02T08:00:00.000Z',
      actorStaffId: null,
      action: 'tickets.issue',
      target: 'ticket:1',
      beforeJson: null,
      afterJson: '{"a":1}',
      prevHash: null,
      hash: 'ab',
    } satisfies Camel<Row<'audit_log'>>);
  });

  it('keeps the order of the columns', () => {
    expect(Object.keys(camelRow({ slot_start: 1, id: 2, ticket_id: 3 }))).toEqual(['slotStart', 'id', 'ticketId']);
  });
});
