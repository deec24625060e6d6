import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HALL_DAY, seedHallDay } from '../../test/fixtures/hall-day.ts';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { readDayTimes, servedTicketUtilities, storeDayTimes } from '../report-day-times.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0009-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db, migrations.filter((m) => m.version <= 8));
  seedHallDay(db);
  migrate(db, migrations.filter((m) => m.version <= 9));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const OTHER_DAY = '2026-11-19';
const EMPTY_DAY = '2026-11-10';
const days = [EMPTY_DAY, OTHER_DAY, HALL_DAY];
/** Keeps a placeholder for each day, so a test sees which of them a change removes. */
const keepAll = () => {
  for (const day of days) storeDayTimes(db, day, '{"format":1,"groups":[]}', new Uint8Array(0), '2026-11-23T02:00:00.000Z');
};
const kept = () => days.filter((day) => readDayTimes(db, day) !== undefined);
const servedTicket = () => db.prepare(`SELECT id FROM tickets WHERE day = ? AND status = 'done' ORDER BY id LIMIT 1`).get(HALL_DAY) as { id: number };

describe('migration 0009: kept day times', () => {
  it('finds the utilities of a day seeded before the upgrade through its tickets', () => {
    expect(schemaVersion(db)).toBe(9);
    const pairs = servedTicketUtilities(db, HALL_DAY);
    expect(new Set(pairs.map(([, u]) => u))).toEqual(new Set(['water', 'electricity', 'gas', 'telecom']));
    // Once per ticket and utility, however many matters of that utility the ticket's applications have.
    expect(new Set(pairs.map(([t, u]) => `${t}/${u}`)).size).toBe(pairs.length);
  });

  it('forgets a kept day when one of its tickets is issued, served or moved, and only that day', () => {
    keepAll();
    const { id } = servedTicket();
    db.prepare(`UPDATE tickets SET finished_at = '2026-11-20T03:00:00.000Z' WHERE id = ?`).run(id);
    expect(kept()).toEqual([EMPTY_DAY, OTHER_DAY]);

    keepAll();
    // A column the times do not depend on leaves it.
    db.prepare(`UPDATE tickets SET token = 'another-token-0123456789' WHERE id = ?`).run(id);
    expect(kept()).toEqual(days);

    // Moved: the day it left and the day it joined.
    db.prepare('UPDATE tickets SET day = ? WHERE id = ?').run(EMPTY_DAY, id);
    expect(kept()).toEqual([OTHER_DAY]);

    keepAll();
    const category = db.prepare(`SELECT id FROM categories WHERE prefix = 'A'`).get() as { id: number };
    db.prepare(`INSERT INTO tickets (day, category_id, seq, number, status, token, issued_at, queued_at) VALUES (?, ?, 900, 'A900', 'waiting', 'tok-a900-0123456789', ?, ?)`).run(
      OTHER_DAY,
      category.id,
      '2026-11-19T01:00:00.000Z',
      '2026-11-19T01:00:00.000Z',
    );
    expect(kept()).toEqual([EMPTY_DAY, HALL_DAY]);
  });

  it("forgets a kept day when an application is taken on one of its tickets, or a matter's utility changes", () => {
    keepAll();
    const application = db.prepare('SELECT id, ticket_id AS ticketId FROM applications WHERE ticket_id IN (SELECT id FROM tickets WHERE day = ?) LIMIT 1').get(HALL_DAY) as { id: number; ticketId: number };
    db.prepare(`UPDATE application_matters SET utility = 'gas' WHERE application_id = ?`).run(application.id);
    expect(kept()).toEqual([EMPTY_DAY, OTHER_DAY]);

    keepAll();
    // Taken off its ticket: the ticket's day changes.
    db.prepare('UPDATE applications SET ticket_id = NULL WHERE id = ?').run(application.id);
    expect(kept()).toEqual([EMPTY_DAY, OTHER_DAY]);

    keepAll();
    db.prepare('UPDATE applications SET ticket_id = ? WHERE id = ?').run(application.ticketId, application.id);
    expect(kept()).toEqual([EMPTY_DAY, OTHER_DAY]);

    keepAll();
    // Columns the times do not depend on leave every day kept.
    db.prepare('UPDATE applications SET staff_id = staff_id WHERE id = ?').run(application.id);
    db.prepare('UPDATE application_matters SET account_no = account_no WHERE application_id = ?').run(application.id);
    expect(kept()).toEqual(days);
  });
});
