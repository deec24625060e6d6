import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from './connection.ts';
import { migrate } from './migrate.ts';
import { query, sql } from './sql.ts';
import type { Tables } from './tables.ts';

/**
 * Every table's columns, from its row type in tables.ts: `satisfies` makes a column missing
 * here, or one the type does not have, a type error, and the test below holds this list to
 * the migrated schema. So tables.ts, this list and the migrations cannot drift apart.
 */
const columns = {
  application_materials: { id: true, application_id: true, code: true, name_zh: true, name_en: true, state: true, promised_date: true, supplied_at: true, supplied_by: true },
  application_matters: { id: true, application_id: true, case_number: true, utility: true, business_code: true, account_no: true, due_day: true },
  applications: { id: true, public_token: true, idempotency_key: true, customer_id: true, catalogue_version: true, bundle_code: true, ticket_id: true, staff_id: true, counter_id: true, day: true, submitted_at: true, fee_hash: true, total_fen: true, signature_request_id: true, snapshot: true },
  appointments: { id: true, code: true, category_id: true, slot_start: true, slot_end: true, phone: true, ticket_id: true, created_at: true },
  attempt_limits: { scope: true, key: true, failures: true, window_start: true, blocked_until: true },
  audit_log: { id: true, at: true, actor_staff_id: true, action: true, target: true, before_json: true, after_json: true, prev_hash: true, hash: true },
  calendar_overrides: { day: true, kind: true, set_at: true, set_by: true },
  calendar_years: { year: true, json: true, imported_at: true, imported_by: true },
  case_sequences: { day: true, prefix: true, last_seq: true },
  catalogue_versions: { version: true, published_at: true, published_by: true, source: true, json: true },
  categories: { id: true, prefix: true, name_zh: true, name_en: true, utilities: true, businesses: true, daily_limit: true, opens_at: true, closes_at: true, active: true, sort_order: true },
  complaint_attachments: { id: true, complaint_id: true, file_name: true, mime: true, size_bytes: true, data: true, added_at: true, added_by: true },
  complaints: { id: true, channel: true, external_ref: true, complainant_name: true, complainant_phone: true, utility: true, staff_id: true, case_number: true, content: true, received_at: true, received_day: true, due_day: true, state: true, registered_at: true, registered_by: true, investigation: true, investigated_at: true, investigated_by: true, measures: true, reply_day: true, reply_method: true, reply_content: true, replied_at: true, replied_by: true, accountability: true, closed_at: true, closed_day: true, closed_by: true, publication: true, published_at: true, published_by: true, updated_at: true },
  counter_categories: { counter_id: true, category_id: true },
  counter_events: { id: true, counter_id: true, type: true, at: true, staff_id: true, reason: true },
  counters: { id: true, number: true, name: true, status: true, created_at: true, staff_id: true, pause_reason: true, status_since: true },
  customer_accounts: { id: true, customer_id: true, utility: true, account_no: true },
  customers: { id: true, kind: true, name: true, id_type: true, id_number: true, contact_name: true, phone: true, address: true, created_at: true, updated_at: true, erased_at: true },
  devices: { id: true, name: true, role: true, counter_id: true, paired_at: true, revoked_at: true },
  fee_lines: { id: true, application_id: true, utility: true, business_code: true, fee_code: true, name_zh: true, name_en: true, price_fen: true, quantity: true, amount_fen: true, mandatory: true, included: true },
  follow_up_problems: { id: true, task_id: true, description: true, found_day: true, due_day: true, closed_at: true, closed_day: true, closed_by: true, resolution: true },
  follow_up_rules: { id: true, utility: true, customer_kind: true, business_kind: true, percent: true, active: true, source: true, created_at: true, updated_at: true },
  follow_up_task_rules: { task_id: true, rule_id: true },
  follow_up_tasks: { id: true, period: true, work_order_id: true, application_id: true, utility: true, customer_id: true, customer_kind: true, generated_at: true, state: true, method: true, satisfaction: true, notes: true, done_at: true, done_day: true, done_by: true },
  intake_drafts: { staff_id: true, counter_id: true, json: true, updated_at: true },
  notices: { id: true, text_zh: true, text_en: true, active: true, sort_order: true },
  pairing_codes: { code_hash: true, role: true, name: true, counter_id: true, issued_by: true, expires_at: true, used_at: true },
  rating_cases: { case_number: true, stage: true, rating_id: true },
  rating_device_health: { counter_id: true, profile: true, description: true, source: true, health: true, since: true, error: true },
  rating_device_settings: { counter_id: true, profile: true, path: true, baud_rate: true, address: true, updated_at: true, updated_by: true },
  rating_reasons: { rating_id: true, reason: true },
  ratings: { id: true, stage: true, status: true, ticket_id: true, application_id: true, counter_id: true, staff_id: true, utilities: true, matters: true, level: true, raw_key: true, channel: true, device: true, device_id: true, comment: true, day: true, invited_at: true, expires_at: true, rated_at: true, closed_at: true },
  rectifications: { id: true, rating_id: true, opened_at: true, due_day: true, assignee_staff_id: true, assigned_by: true, assigned_at: true, call_at: true, call_by: true, call_notes: true, measures: true, measures_at: true, measures_by: true, verdict: true, verdict_at: true, closed_at: true, closed_by: true },
  report_day_times: { day: true, groups_json: true, samples: true, built_at: true },
  sessions: { token_hash: true, staff_id: true, device_id: true, created_at: true, expires_at: true },
  settings: { key: true, value: true },
  signature_requests: { id: true, token: true, counter_id: true, staff_id: true, fee_hash: true, fee_json: true, status: true, created_at: true, signed_at: true, image: true, device_id: true, image_erased_at: true, kind: true, recorded_by: true },
  staff: { id: true, work_no: true, name: true, password_hash: true, roles: true, active: true, failed_logins: true, locked_until: true, created_at: true, updated_at: true, utility: true },
  staff_photos: { staff_id: true, mime: true, data: true, updated_at: true, updated_by: true },
  sync_batches: { id: true, utility: true, run_id: true, created_at: true, record_count: true, state: true, sent_at: true, attempts: true, last_error: true, answered_at: true, accepted: true, rejected: true, drop_removed_at: true },
  sync_connectors: { utility: true, kind: true, enabled: true, base_url: true, out_dir: true, reply_dir: true, secret_cipher: true, window_start: true, window_end: true, updates_cursor: true, lease_owner: true, lease_until: true, updated_at: true, updated_by: true },
  sync_outbox: { seq: true, utility: true, type: true, record_id: true, version: true, data: true, queued_at: true, state: true, batch_id: true, reason: true, answered_at: true, personal_erased_at: true },
  sync_quarantine: { id: true, utility: true, received_at: true, page_cursor: true, position: true, raw: true, problem: true, field: true },
  sync_runs: { id: true, utility: true, trigger: true, day: true, started_at: true, finished_at: true, state: true, sent: true, accepted: true, rejected: true, updates: true, error: true },
  sync_updates: { id: true, utility: true, work_order_id: true, status: true, at: true, note: true, received_at: true, result: true },
  ticket_events: { id: true, ticket_id: true, type: true, at: true, counter_id: true, staff_id: true, data: true },
  ticket_sequences: { day: true, prefix: true, last_seq: true },
  tickets: { id: true, day: true, category_id: true, seq: true, number: true, priority: true, status: true, token: true, phone: true, id_masked: true, issued_at: true, queued_at: true, target_counter_id: true, counter_id: true, staff_id: true, called_at: true, started_at: true, finished_at: true, issued_category_id: true, idempotency_key: true },
  work_order_events: { id: true, work_order_id: true, from_status: true, to_status: true, at: true, staff_id: true, source: true, note: true },
  work_order_stages: { id: true, work_order_id: true, matter_id: true, seq: true, code: true, name_zh: true, name_en: true, limit_working_days: true, due_day: true, completed_at: true },
  work_orders: { id: true, application_id: true, utility: true, status: true, due_day: true, created_at: true, updated_at: true },
} satisfies { [T in keyof Tables]: Record<keyof Tables[T], true> };

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
});
afterEach(() => closeDatabase(db));

describe('row types (tables.ts)', () => {
  it('name every table of the migrated schema', () => {
    const tables = query<{ name: string }>(db, sql`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
    expect(Object.keys(columns).sort()).toEqual(tables.map((t) => t.name));
  });

  it.each(Object.entries(columns))('%s has exactly the columns of PRAGMA table_info', (table, keys) => {
    const info = query<{ name: string }>(db, sql`SELECT name FROM pragma_table_info(${table})`);
    expect(Object.keys(keys).sort()).toEqual(info.map((c) => c.name).sort());
  });
});
