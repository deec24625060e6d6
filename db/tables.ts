import type { MaterialState } from './applications.ts';
import type { ComplaintChannel, ComplaintState, ReplyMethod } from './complaints.ts';
import type { CounterStatus } from './counters.ts';
import type { CustomerKind } from './customers.ts';
import type { DeviceRole } from './devices.ts';
import type { DeviceHealthSource, DeviceHealthState } from './rating-devices.ts';
import type { RatingChannel, RatingStage, RatingStatus } from './ratings.ts';
import type { Verdict } from './rectifications.ts';
import type { OutboxRecordType } from './outbox.ts';
import type { SignatureKind, SignatureStatus } from './signature-requests.ts';
import type { OutboxState } from './sync.ts';
import type { TicketEventType, TicketPriority, TicketStatus } from './tickets.ts';

/**
 * Each table's row as SQLite returns it (`SELECT *`): the column names as they are, snake_case.
 * One type per table, written once; tables.test.ts checks every table's keys against
 * PRAGMA table_info on a freshly migrated database, so a migration that adds, drops or renames
 * a column fails the tests until this file follows. Repositories derive their camelCase domain
 * types from these (`Camel<Row<'devices'>>`, camel-row.ts) and take a `Pick` for narrower selects.
 * A column the code narrows (a status, a kind) carries its union here.
 */
export type Tables = {
  application_materials: {
    id: number;
    application_id: number;
    code: string;
    name_zh: string;
    name_en: string;
    state: MaterialState;
    promised_date: string | null;
    supplied_at: string | null;
    supplied_by: number | null;
  };
  application_matters: {
    id: number;
    application_id: number;
    case_number: string;
    utility: string;
    business_code: string;
    account_no: string | null;
    due_day: string;
  };
  applications: {
    id: number;
    public_token: string;
    idempotency_key: string;
    customer_id: number;
    catalogue_version: number;
    bundle_code: string | null;
    ticket_id: number | null;
    staff_id: number;
    counter_id: number;
    day: string;
    submitted_at: string;
    fee_hash: string;
    total_fen: number;
    signature_request_id: number;
    /** The businesses with their rules and prices as accepted (JSON). */
    snapshot: string;
  };
  appointments: {
    id: number;
    code: string;
    category_id: number;
    slot_start: string;
    slot_end: string;
    phone: string | null;
    ticket_id: number | null;
    created_at: string;
  };
  attempt_limits: {
    scope: string;
    key: string;
    failures: number;
    window_start: string;
    blocked_until: string | null;
  };
  audit_log: {
    id: number;
    at: string;
    actor_staff_id: number | null;
    action: string;
    target: string | null;
    before_json: string | null;
    after_json: string | null;
    prev_hash: string | null;
    hash: string | null;
  };
  calendar_overrides: {
    day: string;
    kind: string;
    set_at: string;
    set_by: number | null;
  };
  calendar_years: {
    year: number;
    json: string;
    imported_at: string;
    imported_by: number | null;
  };
  case_sequences: {
    day: string;
    prefix: string;
    last_seq: number;
  };
  catalogue_versions: {
    version: number;
    published_at: string;
    published_by: number | null;
    source: string;
    json: string;
  };
  categories: {
    id: number;
    prefix: string;
    name_zh: string;
    name_en: string;
    utilities: string;
    businesses: string;
    daily_limit: number | null;
    opens_at: string;
    closes_at: string;
    active: number;
    sort_order: number;
  };
  complaint_attachments: {
    id: number;
    complaint_id: number;
    file_name: string;
    mime: string;
    size_bytes: number;
    data: Buffer;
    added_at: string;
    added_by: number | null;
  };
  complaints: {
    id: number;
    channel: ComplaintChannel;
    external_ref: string | null;
    complainant_name: string;
    complainant_phone: string | null;
    utility: string | null;
    staff_id: number | null;
    case_number: string | null;
    content: string;
    received_at: string;
    received_day: string;
    due_day: string;
    state: ComplaintState;
    registered_at: string;
    registered_by: number | null;
    investigation: string | null;
    investigated_at: string | null;
    investigated_by: number | null;
    measures: string | null;
    reply_day: string | null;
    reply_method: ReplyMethod | null;
    reply_content: string | null;
    replied_at: string | null;
    replied_by: number | null;
    accountability: string | null;
    closed_at: string | null;
    closed_day: string | null;
    closed_by: number | null;
    publication: string | null;
    published_at: string | null;
    published_by: number | null;
    updated_at: string;
  };
  counter_categories: {
    counter_id: number;
    category_id: number;
  };
  counter_events: {
    id: number;
    counter_id: number;
    type: string;
    at: string;
    staff_id: number | null;
    reason: string | null;
  };
  counters: {
    id: number;
    number: number;
    name: string;
    status: CounterStatus;
    created_at: string;
    staff_id: number | null;
    pause_reason: string | null;
    status_since: string | null;
  };
  customer_accounts: {
    id: number;
    customer_id: number;
    utility: string;
    account_no: string;
  };
  customers: {
    id: number;
    kind: CustomerKind;
    name: string;
    id_type: string;
    id_number: string;
    contact_name: string | null;
    phone: string;
    address: string | null;
    created_at: string;
    updated_at: string;
    erased_at: string | null;
  };
  devices: {
    id: number;
    name: string;
    role: DeviceRole;
    counter_id: number | null;
    paired_at: string;
    revoked_at: string | null;
  };
  fee_lines: {
    id: number;
    application_id: number;
    utility: string;
    business_code: string;
    fee_code: string;
    name_zh: string;
    name_en: string;
    price_fen: number;
    quantity: number;
    amount_fen: number;
    mandatory: number;
    included: number;
  };
  follow_up_problems: {
    id: number;
    task_id: number;
    description: string;
    found_day: string;
    due_day: string;
    closed_at: string | null;
    closed_day: string | null;
    closed_by: number | null;
    resolution: string | null;
  };
  follow_up_rules: {
    id: number;
    utility: string | null;
    customer_kind: string | null;
    business_kind: string | null;
    percent: number;
    active: number;
    source: string;
    created_at: string;
    updated_at: string;
  };
  follow_up_task_rules: {
    task_id: number;
    rule_id: number;
  };
  follow_up_tasks: {
    id: number;
    period: string;
    work_order_id: number;
    application_id: number;
    utility: string;
    customer_id: number;
    customer_kind: string;
    generated_at: string;
    state: string;
    method: string | null;
    satisfaction: number | null;
    notes: string | null;
    done_at: string | null;
    done_day: string | null;
    done_by: number | null;
  };
  intake_drafts: {
    staff_id: number;
    counter_id: number;
    json: string;
    updated_at: string;
  };
  notices: {
    id: number;
    text_zh: string;
    text_en: string;
    active: number;
    sort_order: number;
  };
  pairing_codes: {
    code_hash: string;
    role: DeviceRole;
    name: string;
    counter_id: number | null;
    issued_by: number;
    expires_at: string;
    used_at: string | null;
  };
  rating_cases: {
    case_number: string;
    stage: string;
    rating_id: number;
  };
  rating_device_health: {
    counter_id: number;
    profile: string;
    description: string;
    source: DeviceHealthSource;
    health: DeviceHealthState;
    since: string;
    error: string | null;
  };
  rating_device_settings: {
    counter_id: number;
    profile: string;
    path: string | null;
    baud_rate: number | null;
    address: number;
    updated_at: string;
    updated_by: number | null;
  };
  rating_reasons: {
    rating_id: number;
    reason: string;
  };
  ratings: {
    id: number;
    stage: RatingStage;
    status: RatingStatus;
    ticket_id: number | null;
    application_id: number | null;
    counter_id: number | null;
    staff_id: number | null;
    utilities: string;
    matters: string;
    level: number | null;
    raw_key: string | null;
    channel: RatingChannel | null;
    device: string | null;
    device_id: number | null;
    comment: string | null;
    day: string;
    invited_at: string;
    expires_at: string | null;
    rated_at: string | null;
    closed_at: string | null;
  };
  rectifications: {
    id: number;
    rating_id: number;
    opened_at: string;
    due_day: string;
    assignee_staff_id: number | null;
    assigned_by: number | null;
    assigned_at: string | null;
    call_at: string | null;
    call_by: number | null;
    call_notes: string | null;
    measures: string | null;
    measures_at: string | null;
    measures_by: number | null;
    verdict: Verdict | null;
    verdict_at: string | null;
    closed_at: string | null;
    closed_by: number | null;
  };
  report_day_times: {
    day: string | null;
    groups_json: string;
    samples: Buffer;
    built_at: string;
  };
  sessions: {
    token_hash: string;
    staff_id: number | null;
    device_id: number | null;
    created_at: string;
    expires_at: string;
  };
  settings: {
    key: string;
    value: string;
  };
  signature_requests: {
    id: number;
    token: string;
    counter_id: number;
    staff_id: number;
    fee_hash: string;
    fee_json: string;
    status: SignatureStatus;
    created_at: string;
    signed_at: string | null;
    image: Buffer | null;
    device_id: number | null;
    image_erased_at: string | null;
    kind: SignatureKind;
    recorded_by: number | null;
  };
  staff: {
    id: number;
    work_no: string;
    name: string;
    password_hash: string;
    roles: string;
    active: number;
    failed_logins: number;
    locked_until: string | null;
    created_at: string;
    updated_at: string;
    utility: string | null;
  };
  staff_photos: {
    staff_id: number;
    mime: string;
    data: Buffer;
    updated_at: string;
    updated_by: number | null;
  };
  sync_batches: {
    id: string;
    utility: string;
    run_id: number | null;
    created_at: string;
    record_count: number;
    state: string;
    sent_at: string | null;
    attempts: number;
    last_error: string | null;
    answered_at: string | null;
    accepted: number;
    rejected: number;
    drop_removed_at: string | null;
  };
  sync_connectors: {
    utility: string;
    kind: string;
    enabled: number;
    base_url: string | null;
    out_dir: string | null;
    reply_dir: string | null;
    secret_cipher: string | null;
    window_start: string;
    window_end: string;
    updates_cursor: string | null;
    lease_owner: string | null;
    lease_until: string | null;
    updated_at: string;
    updated_by: number | null;
  };
  sync_outbox: {
    seq: number;
    utility: string;
    type: OutboxRecordType;
    record_id: string;
    version: number;
    /** The JSON text as queued: put into the body as it is, never re-serialised. */
    data: string;
    queued_at: string;
    state: OutboxState;
    batch_id: string | null;
    reason: string | null;
    answered_at: string | null;
    personal_erased_at: string | null;
  };
  sync_quarantine: {
    id: number;
    utility: string;
    received_at: string;
    page_cursor: string | null;
    position: number;
    raw: string;
    problem: string;
    field: string | null;
  };
  sync_runs: {
    id: number;
    utility: string;
    trigger: string;
    day: string;
    started_at: string;
    finished_at: string | null;
    state: string;
    sent: number;
    accepted: number;
    rejected: number;
    updates: number;
    error: string | null;
  };
  sync_updates: {
    id: number;
    utility: string;
    work_order_id: number;
    status: string;
    at: string;
    note: string | null;
    received_at: string;
    result: string;
  };
  ticket_events: {
    id: number;
    ticket_id: number;
    type: TicketEventType;
    at: string;
    counter_id: number | null;
    staff_id: number | null;
    data: string | null;
  };
  ticket_sequences: {
    day: string;
    prefix: string;
    last_seq: number;
  };
  tickets: {
    id: number;
    day: string;
    category_id: number;
    seq: number;
    number: string;
    priority: TicketPriority;
    status: TicketStatus;
    token: string;
    phone: string | null;
    id_masked: string | null;
    issued_at: string;
    queued_at: string;
    target_counter_id: number | null;
    counter_id: number | null;
    staff_id: number | null;
    called_at: string | null;
    started_at: string | null;
    finished_at: string | null;
    issued_category_id: number | null;
    idempotency_key: string | null;
  };
  work_order_events: {
    id: number;
    work_order_id: number;
    from_status: string | null;
    to_status: string;
    at: string;
    staff_id: number | null;
    source: string;
    note: string | null;
  };
  work_order_stages: {
    id: number;
    work_order_id: number;
    matter_id: number;
    seq: number;
    code: string;
    name_zh: string;
    name_en: string;
    limit_working_days: number;
    due_day: string;
    completed_at: string | null;
  };
  work_orders: {
    id: number;
    application_id: number;
    utility: string;
    status: string;
    due_day: string;
    created_at: string;
    updated_at: string;
  };
};

export type TableName = keyof Tables;
/** A row of `table`, e.g. Row<'tickets'>. */
export type Row<T extends TableName> = Tables[T];
