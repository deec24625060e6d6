import { randomUUID } from 'node:crypto';
import { listCounters } from '../../../db/counters.ts';
import { insertDevice } from '../../../db/devices.ts';
import { setSetting } from '../../../db/settings.ts';
import { insertStaff, type StaffRole } from '../../../db/staff.ts';
import type { Result } from '../api/errors.ts';
import type { InputOf, OutputOf } from '../api/method.ts';
import { openDeviceSession, openStaffSession } from '../auth/sessions.ts';
import type { Contract, MethodName } from '../contract.ts';
import type { HallEvent } from '../events.ts';
import { openTestHall, type TestHall, unwrap } from '../testing.ts';
import { residentIdCheckChar } from '../../../common/identity.ts';
import { fixedSql, querySingle, sql } from '../../../db/sql.ts';

/**
 * A hall ready for intake tests: a clerk holding counter 1, a manager, and the customer screen
 * (a rate device) paired to counter 1. For tests only: nothing in the app imports this.
 */
export type IntakeHall = TestHall & {
  clerk: string;
  clerkId: number;
  manager: string;
  managerId: number;
  /** The hall's system administrator: connectors, restores, printers and roles are theirs. */
  admin: string;
  rate: string;
  rateDeviceId: number;
  counterId: number;
  pushed: HallEvent[];
  send: <K extends MethodName>(name: K, input: InputOf<Contract[K]>, token?: string) => Promise<Result<OutputOf<Contract[K]>>>;
  ok: <K extends MethodName>(name: K, input: InputOf<Contract[K]>, token?: string) => Promise<OutputOf<Contract[K]>>;
  count: (table: string) => number;
};

/** A valid resident ID number from its first 17 digits. */
export const residentId = (first17: string): string => `${first17}${residentIdCheckChar(first17)}`;

/** The smallest PNG a canvas could send (1×1), as a data URL. */
export const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const newKey = (): string => randomUUID();

const intakeTables = [
  'customers',
  'customer_accounts',
  'applications',
  'application_matters',
  'work_orders',
  'work_order_stages',
  'work_order_events',
  'application_materials',
  'fee_lines',
  'case_sequences',
  'audit_log',
  'intake_drafts',
  'signature_requests',
] as const;
const isIntakeTable = (name: string): name is (typeof intakeTables)[number] => intakeTables.some((t) => t === name);

/** `at` is the hall's clock; the default is Wednesday 30 September 2026, 10:00 in Shanghai, the day before the National Day week. */
export async function openIntakeHall(at = '2026-09-30T02:00:00.000Z'): Promise<IntakeHall> {
  // Sessions outlast the clock's jumps across holidays.
  const hall = openTestHall({ sessionPolicy: { staffIdleMinutes: 366 * 24 * 60, staffMaxHours: 100_000, deviceDays: 3650 } });
  hall.setTime(at);
  setSetting(hall.db, 'hall.name', 'North Hall');
  const account = (workNo: string, roles: StaffRole[]) => {
    // Nobody logs in: sessions are opened directly, so no password hash is computed.
    const staff = insertStaff(hall.db, { workNo, name: `Staff ${workNo}`, passwordHash: 'unused-in-tests', roles, now: hall.now().toISOString() });
    return { id: staff.id, token: openStaffSession(hall.db, hall.core.deps.clock, hall.core.deps.sessionPolicy, staff.id).token };
  };
  const clerk = account('C001', ['clerk']);
  const manager = account('M001', ['manager']);
  const admin = account('A001', ['admin']);
  const counterId = listCounters(hall.db)[0]?.id ?? 0;
  const device = insertDevice(hall.db, { name: 'Counter 1 customer screen', role: 'rate', counterId, pairedAt: hall.now().toISOString() });
  const rate = openDeviceSession(hall.db, hall.core.deps.clock, hall.core.deps.sessionPolicy, device.id).token;
  const pushed: HallEvent[] = [];
  hall.core.events.subscribe((event) => pushed.push(event));
  const send: IntakeHall['send'] = (name, input, token) => hall.core.send(name, input, token);
  const ok: IntakeHall['ok'] = async (name, input, token) => unwrap(await hall.core.send(name, input, token));
  unwrap(await hall.core.send('queue/openCounter', { counterId }, clerk.token));
  return {
    ...hall,
    clerk: clerk.token,
    clerkId: clerk.id,
    manager: manager.token,
    managerId: manager.id,
    admin: admin.token,
    rate,
    rateDeviceId: device.id,
    counterId,
    pushed,
    send,
    ok,
    count(table) {
      // Table names come from the fixed list above, never from a test's input.
      if (!isIntakeTable(table)) throw new Error(`not an intake table: ${table}`);
      return querySingle<{ n: number }>(hall.db, sql`SELECT count(*) AS n FROM ${fixedSql(table)}`).n;
    },
  };
}

/** The customer signs on the counter's screen whatever fee list the clerk last sent. */
export async function signPending(hall: IntakeHall): Promise<number> {
  const pending = await hall.ok('intake/pendingSignature', {}, hall.rate);
  if (!pending) throw new Error('nothing to sign');
  await hall.ok('intake/sign', { token: pending.token, feeHash: pending.feeHash, image: SIGNATURE_PNG }, hall.rate);
  return pending.requestId;
}

/** The buyer of a property transfer, as the clerk types her in. */
export const buyer = {
  kind: 'person' as const,
  name: '王芳',
  idType: 'residentId' as const,
  idNumber: residentId('11010519900307002'),
  mobile: '13912345678',
  address: '城东区幸福路 8 号 3 栋 502 室',
  accounts: [],
};

/** The decisions on the four transfers' materials: the property certificate follows on 12 October. */
export const transferDecisions = {
  idCard: { state: 'received' },
  businessLicence: { state: 'na' },
  powerOfAttorney: { state: 'na' },
  propertyCertificate: { state: 'deferred', promisedDate: '2026-10-12' },
  transferAgreement: { state: 'na' },
  settlementReceipt: { state: 'received' },
  waterApplicationForm: { state: 'received' },
  electricityApplicationForm: { state: 'received' },
  gasApplicationForm: { state: 'received' },
  telecomApplicationForm: { state: 'received' },
} as const;
