import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';
import { upsertRow } from './upsert-row.ts';

export type RatingDeviceSettingRow = Camel<Row<'rating_device_settings'>>;

export function listRatingDeviceSettings(db: Db): RatingDeviceSettingRow[] {
  return query<Row<'rating_device_settings'>>(db, sql`SELECT * FROM rating_device_settings ORDER BY counter_id`).map(camelRow);
}

export function saveRatingDeviceSetting(db: Db, s: RatingDeviceSettingRow): void {
  upsertRow(db, 'rating_device_settings', ['counter_id'], {
    counter_id: s.counterId,
    profile: s.profile,
    path: s.path,
    baud_rate: s.baudRate,
    address: s.address,
    updated_at: s.updatedAt,
    updated_by: s.updatedBy,
  });
}

export function deleteRatingDeviceSetting(db: Db, counterId: number): void {
  run(db, sql`DELETE FROM rating_device_settings WHERE counter_id = ${counterId}`);
}

export type DeviceHealthState = 'connected' | 'disconnected' | 'no_answer' | 'not_driven';

/** Whose setting the device is driven by: the manager's, or the command line's, which replaces it for the counters it names. */
export type DeviceHealthSource = 'manager' | 'command_line';

export type RatingDeviceHealthRow = Camel<Row<'rating_device_health'>>;

export function listRatingDeviceHealth(db: ReadDb): RatingDeviceHealthRow[] {
  return query<Row<'rating_device_health'>>(db, sql`SELECT * FROM rating_device_health ORDER BY counter_id`).map(camelRow);
}

export function getRatingDeviceHealth(db: ReadDb, counterId: number): RatingDeviceHealthRow | undefined {
  const raw = queryOne<Row<'rating_device_health'>>(db, sql`SELECT * FROM rating_device_health WHERE counter_id = ${counterId}`);
  return raw && camelRow(raw);
}

export function saveRatingDeviceHealth(db: Db, h: RatingDeviceHealthRow): void {
  upsertRow(db, 'rating_device_health', ['counter_id'], {
    counter_id: h.counterId,
    profile: h.profile,
    description: h.description,
    source: h.source,
    health: h.health,
    since: h.since,
    error: h.error,
  });
}

export function deleteRatingDeviceHealth(db: Db, counterId: number): void {
  run(db, sql`DELETE FROM rating_device_health WHERE counter_id = ${counterId}`);
}
