import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { type IntakeHall, openIntakeHall } from '../intake/intake-testing.ts';

let hall: IntakeHall;

// Wednesday 30 September 2026, 10:00 in Shanghai: the last working day before the National Day
// week (1–7 October); Saturday 10 October is a make-up workday.
beforeEach(async () => {
  hall = await openIntakeHall('2026-09-30T02:00:00.000Z');
});
afterEach(() => hall.close());

const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

const from12345 = {
  channel: 'hotline12345' as const,
  externalRef: '12345-20260930-0187',
  complainantName: '王小明',
  complainantPhone: '13812345678',
  utility: 'gas',
  content: '燃气报装已超过承诺时限仍未通气',
  receivedAt: at('2026-09-30', '09:40'),
};

const outbox = () =>
  hall.db.prepare(`SELECT utility, type, record_id AS recordId, version, data FROM sync_outbox WHERE type = 'complaint' ORDER BY seq`).all() as {
    utility: string;
    recordId: string;
    version: number;
    data: string;
  }[];

describe('the complaint ledger', () => {
  it('takes a 12345 complaint from registration to closing, masked in the ledger, audited and queued for the utility', async () => {
    const registered = await hall.ok('complaints/register', from12345, hall.manager);
    // 5 working days from 30 September: 8, 9, 10 (make-up Saturday), 12, 13 October.
    expect(registered).toMatchObject({
      state: 'registered',
      receivedDay: '2026-09-30',
      dueDay: '2026-10-13',
      deadline: 'ok',
      complainant: '王**',
      phone: '138****5678',
      nextSteps: ['investigate'],
    });

    await hall.ok('complaints/investigate', { id: registered.id, investigation: '核实：外线施工受阻', measures: '协调施工队当日进场' }, hall.manager);
    const replied = await hall.ok(
      'complaints/reply',
      { id: registered.id, replyDay: '2026-09-30', method: 'phone', content: '已致电说明并致歉，今日通气' },
      hall.manager,
    );
    expect(replied.state).toBe('replied');
    hall.setTime(at('2026-09-30', '16:30'));
    const closed = await hall.ok('complaints/close', { id: registered.id, accountability: '对施工协调人员通报批评' }, hall.manager);
    expect(closed).toMatchObject({ state: 'closed', closedDay: '2026-09-30', deadline: 'closedOnTime', sameDayCleared: true, nextSteps: ['publish'] });
    const published = await hall.ok('complaints/publish', { id: registered.id, publication: '在大厅公示栏公示处理结果' }, hall.manager);
    expect(published).toMatchObject({ published: true, nextSteps: [] });

    const ledger = await hall.ok('complaints/list', {}, hall.manager);
    expect(ledger.complaints).toHaveLength(1);
    expect(ledger.complaints[0]).toMatchObject({ complainant: '王**', phone: '138****5678', state: 'closed', sameDayCleared: true });
    expect(JSON.stringify(ledger)).not.toContain('王小明');
    expect(JSON.stringify(ledger)).not.toContain('13812345678');

    // Every step is in the audit log with what changed, and the complainant is in none of it.
    const audit = listAudit(hall.db, { limit: 50 }).filter((e) => e.action.startsWith('complaints.'));
    expect(audit.map((e) => e.action).reverse()).toEqual([
      'complaints.register',
      'complaints.investigate',
      'complaints.reply',
      'complaints.close',
      'complaints.publish',
    ]);
    const reply = audit.find((e) => e.action === 'complaints.reply');
    expect(reply?.before).toMatchObject({ state: 'investigating', replyContent: null });
    expect(reply?.after).toMatchObject({ state: 'replied', replyMethod: 'phone' });
    expect(JSON.stringify(audit)).not.toContain('王小明');

    // The gas company hears of each version; the latest one carries the outcome, never the complainant.
    const queued = outbox();
    expect(queued.map((q) => [q.utility, q.version])).toEqual([
      ['gas', 1],
      ['gas', 2],
      ['gas', 3],
      ['gas', 4],
      ['gas', 5],
    ]);
    const last = JSON.parse(queued.at(-1)?.data ?? '{}');
    expect(last).toMatchObject({ channel: 'hotline12345', state: 'closed', reply: { day: '2026-09-30', method: 'phone' } });
    expect(JSON.stringify(queued)).not.toMatch(/王小明|13812345678/);
  });

  it('refuses steps out of order, and a reply dated before the complaint or in the future', async () => {
    const { id } = await hall.ok('complaints/register', from12345, hall.manager);
    expect(await hall.send('complaints/close', { id }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.ledgers.complaintWrongState' },
    });
    expect(await hall.send('complaints/reply', { id, replyDay: '2026-09-30', method: 'sms', content: 'x' }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await hall.ok('complaints/investigate', { id, investigation: '核实中' }, hall.manager);
    for (const replyDay of ['2026-09-29', '2026-10-01']) {
      expect(await hall.send('complaints/reply', { id, replyDay, method: 'sms', content: 'x' }, hall.manager)).toMatchObject({
        ok: false,
        error: { code: 'validation', details: { fields: [{ path: 'replyDay', key: 'field.replyDayRange' }] } },
      });
    }
    expect(await hall.send('complaints/publish', { id, publication: 'x' }, hall.manager)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Nothing that was refused changed the complaint.
    expect((await hall.ok('complaints/get', { id }, hall.manager)).state).toBe('investigating');
  });

  it('refuses a complaint received tomorrow, an unknown utility and an unknown staff member', async () => {
    const bad = await hall.send('complaints/register', { ...from12345, receivedAt: at('2026-10-01'), utility: 'heating', staffId: 999 }, hall.manager);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'receivedAt', key: 'field.receivedInFuture' }] } } });
    expect(await hall.send('complaints/register', { ...from12345, utility: 'heating' }, hall.manager)).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'utility' }] } },
    });
    expect(await hall.send('complaints/register', { ...from12345, staffId: 999 }, hall.manager)).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'staffId' }] } },
    });
  });
});

describe('deadlines', () => {
  it('warns a working day ahead, is overdue after the due day, and a late close shows as late', async () => {
    const { id } = await hall.ok('complaints/register', { ...from12345, channel: 'window', utility: undefined, staffId: hall.clerkId }, hall.manager);
    const deadlineOn = async (day: string) => {
      hall.setTime(at(day));
      return (await hall.ok('complaints/get', { id }, hall.manager)).deadline;
    };
    expect(await deadlineOn('2026-10-09')).toBe('ok');
    // Monday 12 October: one working day (the 13th) left.
    expect(await deadlineOn('2026-10-12')).toBe('warning');
    expect(await deadlineOn('2026-10-13')).toBe('warning');
    expect(await deadlineOn('2026-10-14')).toBe('overdue');
    expect((await hall.ok('complaints/list', { state: 'open' }, hall.manager)).complaints.map((c) => c.deadline)).toEqual(['overdue']);

    await hall.ok('complaints/investigate', { id, investigation: '查实' }, hall.manager);
    await hall.ok('complaints/reply', { id, replyDay: '2026-10-14', method: 'visit', content: '上门致歉' }, hall.manager);
    expect(await hall.ok('complaints/close', { id }, hall.manager)).toMatchObject({ deadline: 'closedLate', sameDayCleared: false, staffName: 'Staff C001' });
    // Nothing concerned a utility: nothing was queued for the sync.
    expect(outbox()).toEqual([]);
  });

  it('counts from the channel’s own limit, set by the manager for complaints registered afterwards', async () => {
    const deadlines = await hall.ok('complaints/deadlines', {}, hall.manager);
    expect(deadlines.workingDays.hotline12345).toBe(5);
    await hall.ok('complaints/setDeadlines', { ...deadlines, workingDays: { ...deadlines.workingDays, hotline12345: 0 } }, hall.manager);
    const sameDay = await hall.ok('complaints/register', from12345, hall.manager);
    expect(sameDay.dueDay).toBe('2026-09-30');
    expect(listAudit(hall.db, { action: 'complaints.setDeadlines', limit: 1 })[0]).toMatchObject({
      before: { workingDays: { hotline12345: 5 } },
      after: { workingDays: { hotline12345: 0 } },
    });
  });
});

describe('same-day cleared (日清日结)', () => {
  it('counts what was received and closed on the same hall day, for any period', async () => {
    const close = async (id: number) => {
      await hall.ok('complaints/investigate', { id, investigation: '查实' }, hall.manager);
      await hall.ok('complaints/reply', { id, replyDay: '2026-09-30', method: 'phone', content: '已回复' }, hall.manager);
      await hall.ok('complaints/close', { id }, hall.manager);
    };
    const a = await hall.ok('complaints/register', from12345, hall.manager);
    const b = await hall.ok('complaints/register', { ...from12345, channel: 'hotline12319', receivedAt: at('2026-09-30', '08:00') }, hall.manager);
    // Received at 23:30 the evening before (a web form): not the same day when closed today.
    hall.setTime(at('2026-09-29', '23:40'));
    const c = await hall.ok('complaints/register', { ...from12345, channel: 'web', receivedAt: at('2026-09-29', '23:30') }, hall.manager);
    hall.setTime(at('2026-09-30', '15:00'));
    await close(a.id);
    await close(c.id);

    expect(await hall.ok('complaints/figures', { fromDay: '2026-09-30', toDay: '2026-09-30' }, hall.manager)).toEqual({
      fromDay: '2026-09-30',
      toDay: '2026-09-30',
      opened: 2,
      closed: 2,
      sameDayCleared: 1,
      sameDayRate: 0.5,
      closedOverdue: 0,
      openOverdue: 0,
    });
    expect(await hall.ok('complaints/figures', { fromDay: '2026-09-29', toDay: '2026-09-30' }, hall.manager)).toMatchObject({
      opened: 3,
      closed: 2,
      sameDayCleared: 1,
    });
    expect(await hall.ok('complaints/figures', { fromDay: '2026-09-01', toDay: '2026-09-28' }, hall.manager)).toMatchObject({ opened: 0, sameDayRate: null });
    // b stays open; by 14 October it is past its deadline.
    expect(await hall.ok('complaints/figures', { fromDay: '2026-10-01', toDay: '2026-10-14' }, hall.manager)).toMatchObject({ opened: 0, openOverdue: 1 });
    expect(b.state).toBe('registered');
  });
});

describe('personal data and attachments', () => {
  it('shows the complainant in full only through an audited reveal', async () => {
    const { id } = await hall.ok('complaints/register', from12345, hall.manager);
    expect(await hall.ok('complaints/reveal', { id, reason: '回复投诉人' }, hall.manager)).toEqual({ id, name: '王小明', phone: '13812345678' });
    expect(listAudit(hall.db, { action: 'complaints.reveal', limit: 5 })).toMatchObject([
      { actorStaffId: hall.managerId, target: `complaint:${id}`, after: { reason: '回复投诉人' } },
    ]);
  });

  it('keeps attachments up to the limit and audits every download', async () => {
    const { id } = await hall.ok('complaints/register', { ...from12345, channel: 'letter' }, hall.manager);
    const letter = Buffer.from('%PDF-1.4 投诉信');
    const meta = await hall.ok(
      'complaints/attach',
      { id, fileName: '投诉信.pdf', mime: 'application/pdf', dataBase64: letter.toString('base64') },
      hall.manager,
    );
    expect(meta).toMatchObject({ fileName: '投诉信.pdf', sizeBytes: letter.byteLength });
    expect((await hall.ok('complaints/get', { id }, hall.manager)).attachments).toHaveLength(1);

    const tooBig = Buffer.alloc(700 * 1024 + 1, 1).toString('base64');
    expect(await hall.send('complaints/attach', { id, fileName: 'big.png', mime: 'image/png', dataBase64: tooBig }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'too_large', messageKey: 'errors.ledgers.attachmentTooLarge' },
    });

    const download = await hall.ok('complaints/attachment', { attachmentId: meta.id }, hall.manager);
    expect(Buffer.from(download.dataBase64, 'base64').equals(letter)).toBe(true);
    expect(listAudit(hall.db, { action: 'complaints.download', limit: 5 })).toMatchObject([{ actorStaffId: hall.managerId, after: { attachmentId: meta.id } }]);
  });

  it('is closed to clerks', async () => {
    expect(await hall.send('complaints/register', from12345, hall.clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await hall.send('complaints/list', {}, hall.clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
