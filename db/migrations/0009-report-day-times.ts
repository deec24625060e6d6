import type { Migration } from './migration.ts';

/**
 * The wait and service times of a closed hall day's served tickets, grouped per counter,
 * clerk and utility (main/core/reports/day-times.ts), kept so a month's report reads thirty
 * of these instead of half a million tickets. A kept day is only ever the records' own
 * figures: every change to what it was computed from deletes it (the triggers below), and
 * the next report computes it again.
 *
 * What a day's times are computed from: its tickets (status, counter, clerk and the four
 * instants), the applications taken on those tickets, and those applications' matters
 * (their utilities). applications_ticket finds a ticket's applications.
 */
export const migration0009 = {
  version: 9,
  name: 'report-day-times',
  up(db) {
    db.exec(`
      CREATE INDEX applications_ticket ON applications(ticket_id) WHERE ticket_id IS NOT NULL;

      CREATE TABLE report_day_times (
        day TEXT PRIMARY KEY,
        groups_json TEXT NOT NULL,
        samples BLOB NOT NULL,
        built_at TEXT NOT NULL
      );

      CREATE TRIGGER report_day_times_ticket_insert AFTER INSERT ON tickets
      BEGIN
        DELETE FROM report_day_times WHERE day = NEW.day;
      END;
      CREATE TRIGGER report_day_times_ticket_update AFTER UPDATE OF day, status, counter_id, staff_id, queued_at, called_at, started_at, finished_at ON tickets
      BEGIN
        DELETE FROM report_day_times WHERE day IN (OLD.day, NEW.day);
      END;
      CREATE TRIGGER report_day_times_ticket_delete AFTER DELETE ON tickets
      BEGIN
        DELETE FROM report_day_times WHERE day = OLD.day;
      END;

      CREATE TRIGGER report_day_times_application_insert AFTER INSERT ON applications WHEN NEW.ticket_id IS NOT NULL
      BEGIN
        DELETE FROM report_day_times WHERE day = (SELECT day FROM tickets WHERE id = NEW.ticket_id);
      END;
      CREATE TRIGGER report_day_times_application_update AFTER UPDATE OF ticket_id ON applications
      BEGIN
        DELETE FROM report_day_times WHERE day IN (SELECT day FROM tickets WHERE id IN (OLD.ticket_id, NEW.ticket_id));
      END;
      CREATE TRIGGER report_day_times_application_delete AFTER DELETE ON applications WHEN OLD.ticket_id IS NOT NULL
      BEGIN
        DELETE FROM report_day_times WHERE day = (SELECT day FROM tickets WHERE id = OLD.ticket_id);
      END;

      CREATE TRIGGER report_day_times_matter_insert AFTER INSERT ON application_matters
      BEGIN
        DELETE FROM report_day_times WHERE day = (SELECT t.day FROM applications a JOIN tickets t ON t.id = a.ticket_id WHERE a.id = NEW.application_id);
      END;
      CREATE TRIGGER report_day_times_matter_update AFTER UPDATE OF application_id, utility ON application_matters
      BEGIN
        DELETE FROM report_day_times WHERE day IN (SELECT t.day FROM applications a JOIN tickets t ON t.id = a.ticket_id WHERE a.id IN (OLD.application_id, NEW.application_id));
      END;
      CREATE TRIGGER report_day_times_matter_delete AFTER DELETE ON application_matters
      BEGIN
        DELETE FROM report_day_times WHERE day = (SELECT t.day FROM applications a JOIN tickets t ON t.id = a.ticket_id WHERE a.id = OLD.application_id);
      END;
    `);
  },
} satisfies Migration;
