import type { Migration } from './migration.ts';

/**
 * The hall manager's ledgers and administration:
 * - `complaints` (投诉台账): one row per complaint, from registration through investigation,
 *   measures, the reply to the complainant, accountability and publication. The complainant's
 *   name and phone live only here and leave the core masked; the full values are an audited
 *   reveal. `received_day` and `closed_day` are hall-local days, so the same-day-cleared
 *   figure (日清日结) is `closed_day = received_day`, and deadlines count working days.
 * - `complaint_attachments`: letters, photos, call records, as BLOBs with a size limit (they
 *   go into the backups with the rest of the ledger); every download is audited.
 * - `follow_up_rules` (回访抽样规则): which share of a month's work orders is followed up, per
 *   utility, customer kind and business kind (NULL = any). The three defaults come from the
 *   seeds: 100% of new gas connections (seed 000); monthly ≥ 10% of residential and 100% of
 *   non-residential customers (seed 004).
 * - `follow_up_tasks`: one per sampled work order and month, with the rules it was sampled
 *   under (`follow_up_task_rules`, so coverage is counted per rule), and its result.
 * - `follow_up_problems`: each problem found, closed item by item within 3 working days (逐条销号).
 * - `staff.utility` and `staff_photos`: the utility a staff member belongs to, and a photo.
 * - Indexes for the audit viewer's filters (who, what).
 */
export const migration0006 = {
  version: 6,
  name: 'ledgers',
  up(db) {
    db.exec(`
      CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL CHECK (channel IN ('window', 'hotline12345', 'hotline12319', 'utilityHotline', 'web', 'letter')),
        -- The hotline's or platform's own number for the complaint (12345 工单号), when it has one.
        external_ref TEXT,
        complainant_name TEXT NOT NULL,
        complainant_phone TEXT,
        -- NULL when the complaint is about the hall itself, not one utility.
        utility TEXT,
        staff_id INTEGER REFERENCES staff(id),
        case_number TEXT,
        content TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_day TEXT NOT NULL,
        -- Working days from the received day (a hall setting per channel).
        due_day TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'registered' CHECK (state IN ('registered', 'investigating', 'replied', 'closed')),
        registered_at TEXT NOT NULL,
        registered_by INTEGER REFERENCES staff(id),
        investigation TEXT,
        investigated_at TEXT,
        investigated_by INTEGER REFERENCES staff(id),
        measures TEXT,
        reply_day TEXT,
        reply_method TEXT CHECK (reply_method IN ('phone', 'sms', 'visit', 'inPerson', 'letter', 'platform')),
        reply_content TEXT,
        replied_at TEXT,
        replied_by INTEGER REFERENCES staff(id),
        accountability TEXT,
        closed_at TEXT,
        closed_day TEXT,
        closed_by INTEGER REFERENCES staff(id),
        publication TEXT,
        published_at TEXT,
        published_by INTEGER REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        CHECK (state = 'registered' OR investigation IS NOT NULL),
        CHECK (state NOT IN ('replied', 'closed') OR (reply_day IS NOT NULL AND reply_method IS NOT NULL AND reply_content IS NOT NULL)),
        CHECK ((state = 'closed') = (closed_at IS NOT NULL AND closed_day IS NOT NULL)),
        CHECK (published_at IS NULL OR state = 'closed')
      ) STRICT;
      CREATE INDEX complaints_received_day ON complaints(received_day);
      CREATE INDEX complaints_closed_day ON complaints(closed_day) WHERE closed_day IS NOT NULL;
      CREATE INDEX complaints_open_due ON complaints(due_day) WHERE state <> 'closed';

      CREATE TABLE complaint_attachments (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES complaints(id),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        data BLOB NOT NULL,
        added_at TEXT NOT NULL,
        added_by INTEGER REFERENCES staff(id),
        CHECK (size_bytes = length(data))
      ) STRICT;
      CREATE INDEX complaint_attachments_complaint ON complaint_attachments(complaint_id);

      CREATE TABLE follow_up_rules (
        id INTEGER PRIMARY KEY,
        utility TEXT,
        customer_kind TEXT CHECK (customer_kind IN ('person', 'enterprise')),
        business_kind TEXT,
        percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        -- Where the rule comes from: a seed document ('seed000', 'seed004') or the manager.
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO follow_up_rules (utility, customer_kind, business_kind, percent, source, created_at, updated_at) VALUES
        ('gas', NULL, 'newConnection', 100, 'seed000', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
        (NULL, 'person', NULL, 10, 'seed004', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
        (NULL, 'enterprise', NULL, 100, 'seed004', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

      CREATE TABLE follow_up_tasks (
        id INTEGER PRIMARY KEY,
        -- The month whose applications were sampled, "YYYY-MM".
        period TEXT NOT NULL,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        application_id INTEGER NOT NULL REFERENCES applications(id),
        utility TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        customer_kind TEXT NOT NULL CHECK (customer_kind IN ('person', 'enterprise')),
        generated_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'unreachable')),
        method TEXT CHECK (method IN ('phone', 'visit')),
        satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
        notes TEXT,
        done_at TEXT,
        done_day TEXT,
        done_by INTEGER REFERENCES staff(id),
        CHECK ((state = 'open') = (done_at IS NULL)),
        CHECK (state <> 'done' OR (method IS NOT NULL AND satisfaction IS NOT NULL)),
        UNIQUE (period, work_order_id)
      ) STRICT;
      CREATE INDEX follow_up_tasks_done_day ON follow_up_tasks(done_day) WHERE done_day IS NOT NULL;

      CREATE TABLE follow_up_task_rules (
        task_id INTEGER NOT NULL REFERENCES follow_up_tasks(id),
        rule_id INTEGER NOT NULL REFERENCES follow_up_rules(id),
        PRIMARY KEY (task_id, rule_id)
      ) STRICT;
      CREATE INDEX follow_up_task_rules_rule ON follow_up_task_rules(rule_id);

      CREATE TABLE follow_up_problems (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES follow_up_tasks(id),
        description TEXT NOT NULL,
        found_day TEXT NOT NULL,
        -- 3 working days after the day it was found (seed 004).
        due_day TEXT NOT NULL,
        closed_at TEXT,
        closed_day TEXT,
        closed_by INTEGER REFERENCES staff(id),
        resolution TEXT,
        CHECK ((closed_at IS NULL) = (resolution IS NULL)),
        CHECK ((closed_at IS NULL) = (closed_day IS NULL))
      ) STRICT;
      CREATE INDEX follow_up_problems_task ON follow_up_problems(task_id);
      CREATE INDEX follow_up_problems_open_due ON follow_up_problems(due_day) WHERE closed_at IS NULL;

      ALTER TABLE staff ADD COLUMN utility TEXT;

      CREATE TABLE staff_photos (
        staff_id INTEGER PRIMARY KEY REFERENCES staff(id),
        mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/webp')),
        data BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES staff(id)
      ) STRICT;

      CREATE INDEX audit_log_actor ON audit_log(actor_staff_id, at);
      CREATE INDEX audit_log_action ON audit_log(action, at);
    `);
  },
} satisfies Migration;
