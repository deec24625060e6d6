import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';

export type RatingDeviceSettingRow = Camel<Row<'rating_device_settings'>>;

export function listRatingDeviceSettings(db: Db): RatingDeviceSettingRow[] {
  return query<Row<'rating_device_settings'>>(db, sql`SELECT * FROM rating_device_settings ORDER BY counter_id`).map(camelRow);
}

export function saveRatingDeviceSetting(db: Db, s: RatingDeviceSettingRow): void {
  run(
    db,
    sql`INSERT INTO rating_device_settings (counter_id, profile, path, baud_rate, address, updated_at, updated_by) VALUES (${s.counterId}, ${s.profile}, ${s.path}, ${s.baudRate}, ${s.address}, ${s.updatedAt}, ${s.updatedBy})
     ON CONFLICT(counter_id) DO UPDATE SET profile = excluded.profile, path = excluded.path, baud_rate = excluded.baud_rate,
       address = excluded.address, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
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
  run(
    db,
    sql`INSERT INTO rating_device_health (counter_id, profile, description, source, health, since, error) VALUES (${h.counterId}, ${h.profile}, ${h.description}, ${h.source}, ${h.health}, ${h.since}, ${h.error})
     ON CONFLICT(counter_id) DO UPDATE SET profile = excluded.profile, description = excluded.description, source = excluded.source,
       health = excluded.health, since = excluded.since, error = excluded.error`,
  );
}

export function deleteRatingDeviceHealth(db: Db, counterId: number): void {
  run(db, sql`DELETE FROM rating_device_health WHERE counter_id = ${counterId}`);
}
