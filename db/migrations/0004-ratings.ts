import type { Migration } from './migration.ts';

/**
 * Satisfaction ratings (好差评): one row per invitation to rate a service, rated or not
 * (an unanswered one stays as 'unrated', the basis of the completion rate), the reasons
 * picked for a bad rating, the rectification task every bad rating opens, and each
 * counter's rating device with its last known health.
 *
 * No column holds who the customer is: a rating refers to the ticket and the
 * application, and the figures never reach either.
 */
export const migration0004 = {
  version: 4,
  name: 'ratings',
  up(db) {
    db.exec(`
      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        -- 受理 at the window, or 办结 once the utility completed the work (rated from the receipt's QR code).
        stage TEXT NOT NULL CHECK (stage IN ('intake', 'completed')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'rated', 'unrated')),
        ticket_id INTEGER REFERENCES tickets(id),
        application_id INTEGER REFERENCES applications(id),
        counter_id INTEGER REFERENCES counters(id),
        staff_id INTEGER REFERENCES staff(id),
        -- Copied when the invitation opens (JSON arrays), so figures per utility need no joins
        -- and a later catalogue edit changes no past rating.
        utilities TEXT NOT NULL DEFAULT '[]',
        -- [{ "caseNumber": "…", "utility": "water", "businessCode": "…" }]
        matters TEXT NOT NULL DEFAULT '[]',
        level INTEGER CHECK (level BETWEEN 1 AND 5),
        -- The device's own key as it reported it ("4", "F16", "screen:4").
        raw_key TEXT,
        channel TEXT CHECK (channel IN ('screen', 'keypad', 'serial', 'hid', 'qr')),
        -- What took the rating, for the manager: "reference-serial on /dev/ttyUSB0", a paired screen's name.
        device TEXT,
        device_id INTEGER REFERENCES devices(id),
        comment TEXT,
        -- The hall-local day of the service: figures per day and month group on it.
        day TEXT NOT NULL,
        invited_at TEXT NOT NULL,
        expires_at TEXT,
        rated_at TEXT,
        closed_at TEXT,
        CHECK ((status = 'rated') = (level IS NOT NULL)),
        CHECK (status <> 'rated' OR (rated_at IS NOT NULL AND channel IS NOT NULL))
      ) STRICT;
      -- One invitation per service and stage.
      CREATE UNIQUE INDEX ratings_ticket_stage ON ratings(ticket_id, stage) WHERE ticket_id IS NOT NULL;
      CREATE INDEX ratings_day ON ratings(day);
      CREATE INDEX ratings_pending ON ratings(counter_id) WHERE status = 'pending';
      CREATE INDEX ratings_application ON ratings(application_id) WHERE application_id IS NOT NULL;

      -- One rating per case number and stage: a rated invitation claims its cases here, so a
      -- second rating of the same case (the receipt's QR code scanned twice) is refused.
      CREATE TABLE rating_cases (
        case_number TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('intake', 'completed')),
        rating_id INTEGER NOT NULL REFERENCES ratings(id),
        PRIMARY KEY (case_number, stage)
      ) STRICT;
      CREATE INDEX rating_cases_rating ON rating_cases(rating_id);

      CREATE TABLE rating_reasons (
        rating_id INTEGER NOT NULL REFERENCES ratings(id),
        reason TEXT NOT NULL,
        PRIMARY KEY (rating_id, reason)
      ) STRICT;

      -- Every bad rating (不满意, 非常不满意) is followed up and rectified by a deadline.
      CREATE TABLE rectifications (
        id INTEGER PRIMARY KEY,
        rating_id INTEGER NOT NULL UNIQUE REFERENCES ratings(id),
        opened_at TEXT NOT NULL,
        -- Working days from the rating's day (default 5, a hall setting).
        due_day TEXT NOT NULL,
        assignee_staff_id INTEGER REFERENCES staff(id),
        assigned_by INTEGER REFERENCES staff(id),
        assigned_at TEXT,
        -- The follow-up call (回访).
        call_at TEXT,
        call_by INTEGER REFERENCES staff(id),
        call_notes TEXT,
        measures TEXT,
        measures_at TEXT,
        measures_by INTEGER REFERENCES staff(id),
        -- The customer's verdict on the fix.
        verdict TEXT CHECK (verdict IN ('satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable')),
        verdict_at TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES staff(id),
        CHECK (closed_at IS NULL OR (verdict IS NOT NULL AND measures IS NOT NULL))
      ) STRICT;
      CREATE INDEX rectifications_open_due ON rectifications(due_day) WHERE closed_at IS NULL;

      -- A counter's rating device as the manager set it (the command line may override it).
      CREATE TABLE rating_device_settings (
        counter_id INTEGER PRIMARY KEY REFERENCES counters(id),
        profile TEXT NOT NULL,
        path TEXT,
        baud_rate INTEGER,
        address INTEGER NOT NULL DEFAULT 1 CHECK (address BETWEEN 0 AND 255),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES staff(id)
      ) STRICT;

      -- Written by the process that drives the devices, read by every screen.
      CREATE TABLE rating_device_health (
        counter_id INTEGER PRIMARY KEY REFERENCES counters(id),
        profile TEXT NOT NULL,
        description TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('manager', 'command_line')),
        health TEXT NOT NULL CHECK (health IN ('connected', 'disconnected', 'no_answer', 'not_driven')),
        since TEXT NOT NULL,
        error TEXT
      ) STRICT;
    `);
  },
} satisfies Migration;
