import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getCategoryByPrefix } from '../../../db/categories.ts';
import { listCounters } from '../../../db/counters.ts';
import { getRating } from '../../../db/ratings.ts';
import { insertStaff } from '../../../db/staff.ts';
import { hashPassword } from '../auth/password.ts';
import { openStaffSession } from '../auth/sessions.ts';
import { openTestHall, type TestHall, unwrap } from '../testing.ts';
import { driveRatingDevices } from './keypad-flow.ts';
import type { KeypadOutcome, KeypadRequest, RatingDevicePort } from './rating-device-port.ts';

// A keypad the test answers by hand: each invite waits until the test settles it.
type Asked = { counterId: number; request: KeypadRequest; settle: (outcome: KeypadOutcome) => void };

let passwordHash: string;
let hall: TestHall;
let clerk: string;
let asked: Asked[];
let cancelled: number[];
let stop: () => void;

beforeAll(async () => {
  passwordHash = await hashPassword('Passw0rd-test');
});

beforeEach(() => {
  hall = openTestHall();
  const staff = insertStaff(hall.db, { workNo: 'C007', name: 'Staff C007', passwordHash, roles: ['clerk'], now: hall.now().toISOString() });
  clerk = openStaffSession(hall.db, hall.core.deps.clock, hall.core.deps.sessionPolicy, staff.id).token;
  asked = [];
  cancelled = [];
  const port: RatingDevicePort = {
    invite: (counterId, request) => new Promise((settle) => asked.push({ counterId, request, settle })),
    cancel: async (counterId) => {
      cancelled.push(counterId);
    },
  };
  stop = driveRatingDevices(hall.core.deps, port);
});

afterEach(() => {
  stop();
  hall.close();
});

const counter3 = () => listCounters(hall.db).find((c) => c.number === 3)?.id ?? 0;

async function serveOne(): Promise<number> {
  const categoryId = getCategoryByPrefix(hall.db, 'A')?.id ?? 0;
  unwrap(await hall.core.send('queue/issue', { categoryId }, clerk));
  unwrap(await hall.core.send('queue/openCounter', { counterId: counter3() }, clerk));
  const ticket = unwrap(await hall.core.send('queue/callNext', { counterId: counter3() }, clerk));
  if (!ticket) throw new Error('nobody called');
  unwrap(await hall.core.send('queue/finish', { counterId: counter3(), ticketId: ticket.id }, clerk));
  const rating = hall.db.prepare("SELECT id FROM ratings WHERE status = 'pending'").get() as { id: number } | undefined;
  if (!rating) throw new Error('no invitation');
  return rating.id;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the keypad flow in the core', () => {
  it("invites the counter's keypad with the clerk, and stores the key pressed as the rating", async () => {
    const ratingId = await serveOne();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ counterId: counter3(), request: { workNo: 'C007', name: 'Staff C007', window: '3' } });
    asked[0]?.settle({ kind: 'rated', level: 4, key: '4', channel: 'serial', device: 'reference /dev/ttyS9' });
    await settled();
    expect(getRating(hall.db, ratingId)).toMatchObject({ status: 'rated', level: 4, rawKey: '4', channel: 'serial', device: 'reference /dev/ttyS9' });
    expect(cancelled).toEqual([]);
  });

  it("stores the keypad's timeout as unrated", async () => {
    const ratingId = await serveOne();
    asked[0]?.settle({ kind: 'timeout' });
    await settled();
    expect(getRating(hall.db, ratingId)).toMatchObject({ status: 'unrated' });
  });

  it('cancels the keypad when the invitation is answered elsewhere', async () => {
    const ratingId = await serveOne();
    hall.advanceMinutes(10);
    hall.core.tick();
    expect(getRating(hall.db, ratingId)).toMatchObject({ status: 'unrated' });
    expect(cancelled).toEqual([counter3()]);
    asked[0]?.settle({ kind: 'none' });
  });
});
