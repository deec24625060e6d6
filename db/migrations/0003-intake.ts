import type { Migration } from './migration.ts';

/**
 * Intake at the joint window: the published business catalogue in versions, the hall's
 * working calendar, customers and their utility accounts, the clerk's autosaved form, the
 * customer's signature on the fee list, and what a submitted application becomes: one case
 * number per utility matter, one work order per utility with stage deadlines and a history
 * of every state change (the nightly sync reads it), the materials received or deferred,
 * and the itemised fees.
 *
 * Personal data (ID numbers, phones, signatures) lives only in `customers` and
 * `signature_requests`; everything else refers to them by id.
 */
export const migration0003 = {
  version: 3,
  name: 'intake',
  up(db) {
    db.exec(`
      -- Append-only: an application refers to the version it was made under, so a published
      -- version is never edited; the next edit is the next version.
      CREATE TABLE catalogue_versions (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        published_at TEXT NOT NULL,
        published_by INTEGER REFERENCES staff(id),
        source TEXT NOT NULL CHECK (source IN ('seed', 'edit', 'import')),
        json TEXT NOT NULL
      ) STRICT;

      -- A year's official arrangement imported before the chinese-days package has it; it
      -- replaces the shipped data of that year.
      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by INTEGER REFERENCES staff(id)
      ) STRICT;

      -- A manager's mark on one day (local holiday, hall closed for works, a correction).
      CREATE TABLE calendar_overrides (
        day TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        set_at TEXT NOT NULL,
        set_by INTEGER REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'enterprise')),
        name TEXT NOT NULL,
        -- residentId, passport, ... for a person; creditCode for an enterprise.
        id_type TEXT NOT NULL,
        id_number TEXT NOT NULL,
        contact_name TEXT,
        phone TEXT NOT NULL,
        address TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (id_type, id_number)
      ) STRICT;
      CREATE INDEX customers_id_number ON customers(id_number);
      CREATE INDEX customers_phone ON customers(phone);
      CREATE INDEX customers_name ON customers(name);

      CREATE TABLE customer_accounts (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        utility TEXT NOT NULL,
        account_no TEXT NOT NULL,
        UNIQUE (utility, account_no)
      ) STRICT;
      CREATE INDEX customer_accounts_customer ON customer_accounts(customer_id);
      CREATE INDEX customer_accounts_account_no ON customer_accounts(account_no);

      -- The half-filled form, saved as the clerk types: one per clerk and counter.
      CREATE TABLE intake_drafts (
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        counter_id INTEGER NOT NULL REFERENCES counters(id),
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (staff_id, counter_id)
      ) STRICT;

      CREATE TABLE signature_requests (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        counter_id INTEGER NOT NULL REFERENCES counters(id),
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        -- The hash of the exact businesses and fee lines shown; the signature is bound to it.
        fee_hash TEXT NOT NULL,
        -- What the customer-facing screen shows, exactly as hashed.
        fee_json TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'signed', 'cancelled')),
        created_at TEXT NOT NULL,
        signed_at TEXT,
        -- PNG bytes from the customer's screen, and the device that took them.
        image BLOB,
        device_id INTEGER REFERENCES devices(id),
        CHECK ((status = 'signed') = (image IS NOT NULL AND signed_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX signature_requests_counter ON signature_requests(counter_id, status);

      -- Case numbers per prefix letter and hall-local day, like ticket_sequences.
      CREATE TABLE case_sequences (
        day TEXT NOT NULL,
        prefix TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (day, prefix)
      ) STRICT;

      CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        public_token TEXT NOT NULL UNIQUE,
        -- From the client: a double click or a retry after a timeout finds the first record.
        idempotency_key TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        catalogue_version INTEGER NOT NULL REFERENCES catalogue_versions(version),
        bundle_code TEXT,
        ticket_id INTEGER REFERENCES tickets(id),
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        counter_id INTEGER NOT NULL REFERENCES counters(id),
        -- The hall-local acceptance day: deadlines count from it.
        day TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        fee_hash TEXT NOT NULL,
        total_fen INTEGER NOT NULL,
        signature_request_id INTEGER NOT NULL UNIQUE REFERENCES signature_requests(id),
        -- Last, so a search reading the columns above never touches its overflow pages.
        snapshot TEXT NOT NULL
      ) STRICT;
      CREATE INDEX applications_submitted ON applications(submitted_at);
      CREATE INDEX applications_customer ON applications(customer_id, submitted_at);

      CREATE TABLE application_matters (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        case_number TEXT NOT NULL UNIQUE,
        utility TEXT NOT NULL,
        business_code TEXT NOT NULL,
        -- The account the matter concerns (a transfer names the account being transferred).
        account_no TEXT,
        due_day TEXT NOT NULL
      ) STRICT;
      CREATE INDEX application_matters_application ON application_matters(application_id);
      CREATE INDEX application_matters_account_no ON application_matters(account_no) WHERE account_no IS NOT NULL;

      CREATE TABLE work_orders (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        utility TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'dispatched', 'taken', 'completed', 'returned')),
        due_day TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (application_id, utility)
      ) STRICT;
      CREATE INDEX work_orders_open_due ON work_orders(due_day) WHERE status IN ('accepted', 'dispatched', 'taken');

      -- Each matter's stages, due cumulatively from the acceptance day (see working-days.ts).
      CREATE TABLE work_order_stages (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        matter_id INTEGER NOT NULL REFERENCES application_matters(id),
        seq INTEGER NOT NULL,
        code TEXT NOT NULL,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        limit_working_days INTEGER NOT NULL,
        due_day TEXT NOT NULL,
        completed_at TEXT,
        UNIQUE (matter_id, code)
      ) STRICT;
      CREATE INDEX work_order_stages_order ON work_order_stages(work_order_id);
      CREATE INDEX work_order_stages_open_due ON work_order_stages(due_day) WHERE completed_at IS NULL;

      CREATE TABLE work_order_events (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        from_status TEXT CHECK (from_status IS NULL OR from_status IN ('accepted', 'dispatched', 'taken', 'completed', 'returned')),
        to_status TEXT NOT NULL CHECK (to_status IN ('accepted', 'dispatched', 'taken', 'completed', 'returned')),
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        source TEXT NOT NULL CHECK (source IN ('window', 'manager', 'sync')),
        note TEXT
      ) STRICT;
      CREATE INDEX work_order_events_order ON work_order_events(work_order_id);
      CREATE INDEX work_order_events_at ON work_order_events(at);

      CREATE TABLE application_materials (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        code TEXT NOT NULL,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('received', 'deferred', 'na')),
        promised_date TEXT,
        supplied_at TEXT,
        supplied_by INTEGER REFERENCES staff(id),
        CHECK ((state = 'deferred') = (promised_date IS NOT NULL)),
        CHECK (supplied_at IS NULL OR state = 'deferred'),
        UNIQUE (application_id, code)
      ) STRICT;
      CREATE INDEX application_materials_deferred ON application_materials(promised_date) WHERE state = 'deferred';

      CREATE TABLE fee_lines (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        utility TEXT NOT NULL,
        business_code TEXT NOT NULL,
        fee_code TEXT NOT NULL,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        price_fen INTEGER NOT NULL,
        quantity REAL NOT NULL CHECK (quantity >= 0),
        amount_fen INTEGER NOT NULL,
        mandatory INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
        -- Charged: mandatory, or optional and chosen by the customer.
        included INTEGER NOT NULL CHECK (included IN (0, 1)),
        UNIQUE (application_id, business_code, fee_code)
      ) STRICT;
    `);
  },
} satisfies Migration;
