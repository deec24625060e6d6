import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';

export type RatingDeviceSettingRow = {
  counterId: number;
  profile: string;
  path: string | null;
  baudRate: number | null;
  address: number;
  updatedAt: string;
  updatedBy: number | null;
};

export function listRatingDeviceSettings(db: Db): RatingDeviceSettingRow[] {
  return query<RatingDeviceSettingRow>(
    db,
    sql`SELECT counter_id AS counterId, profile, path, baud_rate AS baudRate, address, updated_at AS updatedAt, updated_by AS updatedBy FROM rating_device_settings ORDER BY counter_id`,
  );
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

export type RatingDeviceHealthRow = {
  counterId: number;
  profile: string;
  description: string;
  source: 'manager' | 'command_line';
  health: DeviceHealthState;
  since: string;
  error: string | null;
};

export function listRatingDeviceHealth(db: ReadDb): RatingDeviceHealthRow[] {
  return query<RatingDeviceHealthRow>(
    db,
    sql`SELECT counter_id AS counterId, profile, description, source, health, since, error FROM rating_device_health ORDER BY counter_id`,
  );
}

export function getRatingDeviceHealth(db: ReadDb, counterId: number): RatingDeviceHealthRow | undefined {
  return queryOne<RatingDeviceHealthRow>(
    db,
    sql`SELECT counter_id AS counterId, profile, description, source, health, since, error FROM rating_device_health WHERE counter_id = ${counterId}`,
  );
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
