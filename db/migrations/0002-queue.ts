import type { Migration } from './migration.ts';

/**
 * The hall's queue: service categories with their prefixes, counters' restrictions,
 * tickets numbered per prefix and hall-local day, every ticket event with its time
 * (the basis of wait and service-time reports), and the display's notices.
 */
export const migration0002 = {
  version: 2,
  name: 'queue',
  up(db) {
    db.exec(`
      CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1 AND prefix GLOB '[A-Z]'),
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        utilities TEXT NOT NULL DEFAULT '[]',
        businesses TEXT NOT NULL DEFAULT '[]',
        daily_limit INTEGER CHECK (daily_limit IS NULL OR daily_limit > 0),
        opens_at TEXT NOT NULL DEFAULT '08:30',
        closes_at TEXT NOT NULL DEFAULT '17:30',
        active INTEGER NOT NULL DEFAULT 1,
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      ALTER TABLE counters ADD COLUMN staff_id INTEGER REFERENCES staff(id);
      ALTER TABLE counters ADD COLUMN pause_reason TEXT;
      ALTER TABLE counters ADD COLUMN status_since TEXT;

      -- No rows for a counter means it serves every category (无差别受理).
      CREATE TABLE counter_categories (
        counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
        category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
        PRIMARY KEY (counter_id, category_id)
      ) STRICT;

      CREATE TABLE ticket_sequences (
        day TEXT NOT NULL,
        prefix TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (day, prefix)
      ) STRICT;

      CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        category_id INTEGER NOT NULL REFERENCES categories(id),
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'priority', 'appointment')),
        status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show')),
        token TEXT NOT NULL UNIQUE,
        phone TEXT,
        id_masked TEXT,
        issued_at TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        target_counter_id INTEGER REFERENCES counters(id),
        counter_id INTEGER REFERENCES counters(id),
        staff_id INTEGER REFERENCES staff(id),
        called_at TEXT,
        started_at TEXT,
        finished_at TEXT,
        -- The number is what must not repeat in a day. Not (day, category_id, seq): a ticket
        -- transferred to another category keeps its number (A001 moves beside B001).
        UNIQUE (day, number)
      ) STRICT;
      CREATE INDEX tickets_waiting ON tickets(status, queued_at) WHERE status = 'waiting';
      CREATE INDEX tickets_day ON tickets(day, category_id);
      CREATE INDEX tickets_counter ON tickets(counter_id, status);

      CREATE TABLE ticket_events (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        type TEXT NOT NULL CHECK (type IN ('issued', 'called', 'recalled', 'started', 'finished', 'no_show', 'requeued', 'transferred', 'reprinted')),
        at TEXT NOT NULL,
        counter_id INTEGER REFERENCES counters(id),
        staff_id INTEGER REFERENCES staff(id),
        data TEXT
      ) STRICT;
      CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);
      CREATE INDEX ticket_events_at ON ticket_events(at);

      CREATE TABLE counter_events (
        id INTEGER PRIMARY KEY,
        counter_id INTEGER NOT NULL REFERENCES counters(id),
        type TEXT NOT NULL CHECK (type IN ('opened', 'paused', 'resumed', 'closed')),
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        reason TEXT
      ) STRICT;

      -- Booked visits; checking in at the kiosk inside the window gives a priority ticket.
      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        category_id INTEGER NOT NULL REFERENCES categories(id),
        slot_start TEXT NOT NULL,
        slot_end TEXT NOT NULL,
        phone TEXT,
        ticket_id INTEGER REFERENCES tickets(id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        text_zh TEXT NOT NULL,
        text_en TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1,
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
    // A hall works out of the box: three categories and four counters the manager edits.
    const category = db.prepare(
      'INSERT INTO categories (prefix, name_zh, name_en, utilities, businesses, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const all = JSON.stringify(['water', 'electricity', 'gas', 'telecom']);
    category.run('A', '综合业务', 'General services', all, '[]', 1);
    category.run('B', '报装过户', 'Connections and transfers', all, JSON.stringify(['newConnection', 'transfer', 'rename']), 2);
    category.run('C', '缴费查询', 'Payments and enquiries', all, JSON.stringify(['payment', 'invoice', 'enquiry']), 3);
    const counter = db.prepare("INSERT OR IGNORE INTO counters (number, name, created_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
    for (const n of [1, 2, 3, 4]) counter.run(n, `${n}号窗口`);
  },
} satisfies Migration;
