import type { Db } from '../../../db/connection.ts';
import { getDevice } from '../../../db/devices.ts';
import { deleteSession, extendSession, getSession, insertSession } from '../../../db/sessions.ts';
import { getStaffById } from '../../../db/staff.ts';
import type { Caller } from '../api/caller.ts';
import { addMinutes, type Clock } from '../clock.ts';
import { hashToken, newToken } from './tokens.ts';

export type SessionPolicy = {
  /** A staff session ends after this long without a request (a clerk leaving the counter). */
  staffIdleMinutes: number;
  /** …and in any case this long after sign-in, however busy: a stolen token is good for one shift at most. */
  staffMaxHours: number;
  /** Paired screens stay signed in for a long time, then pair again; a manager revokes them sooner. */
  deviceDays: number;
};

export const defaultSessionPolicy: SessionPolicy = { staffIdleMinutes: 2 * 60, staffMaxHours: 12, deviceDays: 180 };

export function openStaffSession(db: Db, clock: Clock, policy: SessionPolicy, staffId: number) {
  const token = newToken();
  const now = clock.now();
  const expiresAt = addMinutes(now, Math.min(policy.staffIdleMinutes, policy.staffMaxHours * 60)).toISOString();
  insertSession(db, { tokenHash: hashToken(token), staffId, deviceId: null, createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt };
}

export function openDeviceSession(db: Db, clock: Clock, policy: SessionPolicy, deviceId: number) {
  const token = newToken();
  const now = clock.now();
  const expiresAt = addMinutes(now, policy.deviceDays * 24 * 60).toISOString();
  insertSession(db, { tokenHash: hashToken(token), staffId: null, deviceId, createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt };
}

export function closeSession(db: Db, tokenHash: string): void {
  deleteSession(db, tokenHash);
}

/**
 * Turns a bearer token into a caller. Expired sessions, deactivated staff and revoked
 * devices resolve to anonymous, so every method's role check refuses them.
 */
export function resolveCaller(db: Db, clock: Clock, policy: SessionPolicy, token: string | undefined): Caller {
  if (!token) return { kind: 'anonymous' };
  const tokenHash = hashToken(token);
  const session = getSession(db, tokenHash);
  const now = clock.now();
  if (!session || session.expiresAt <= now.toISOString()) return { kind: 'anonymous' };
  if (session.staffId !== null) {
    const staff = getStaffById(db, session.staffId);
    if (!staff || !staff.active) return { kind: 'anonymous' };
    const end = Date.parse(session.createdAt) + policy.staffMaxHours * 3_600_000;
    if (now.getTime() >= end) return { kind: 'anonymous' };
    // Sliding expiry up to the absolute end, written at most once a minute so reads stay reads.
    const next = new Date(Math.min(addMinutes(now, policy.staffIdleMinutes).getTime(), end));
    if (next.getTime() - Date.parse(session.expiresAt) > 60_000) extendSession(db, tokenHash, next.toISOString());
    return { kind: 'staff', staffId: staff.id, workNo: staff.workNo, name: staff.name, roles: staff.roles, tokenHash };
  }
  const device = session.deviceId === null ? undefined : getDevice(db, session.deviceId);
  if (!device || device.revokedAt) return { kind: 'anonymous' };
  return { kind: 'device', deviceId: device.id, name: device.name, role: device.role, counterId: device.counterId, tokenHash };
}
