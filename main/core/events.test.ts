import { describe, expect, it } from 'vitest';
import { createEventBus, type HallEvent } from './events.ts';

const at = new Date('2026-12-01T02:00:00Z');

describe('event bus', () => {
  it('hands on() handlers the events of their type only, payload typed', () => {
    const bus = createEventBus({ now: () => at });
    const staffIds: number[] = [];
    bus.on('staff/changed', ({ payload }) => staffIds.push(payload.staffId));
    bus.emit('followups/changed', { reason: 'x' }, ['manager']);
    bus.emit('staff/changed', { staffId: 7 }, ['manager']);
    expect(staffIds).toEqual([7]);
  });

  it('never shows an internal event to screens: not to subscribe, not in since(), no sequence number', () => {
    const bus = createEventBus({ now: () => at });
    const pushed: HallEvent[] = [];
    bus.subscribe((event) => pushed.push(event));
    const finished: number[] = [];
    bus.on('queue/finished', ({ payload }) => finished.push(payload.ticketId));
    bus.emit(
      'hall/status',
      { hallName: null, countersOpen: 0, countersPaused: 0, countersTotal: 0, ticketsWaiting: 0, ticketsServing: 0, at: at.toISOString() },
      ['public'],
    );
    bus.emitInternal('queue/finished', { ticketId: 3, counterId: 1 });
    bus.emit('staff/changed', { staffId: 1 }, ['manager']);
    expect(finished).toEqual([3]);
    expect(pushed.map((e) => [e.seq, e.type])).toEqual([
      [1, 'hall/status'],
      [2, 'staff/changed'],
    ]);
    expect(bus.since(0)?.map((e) => e.type)).toEqual(['hall/status', 'staff/changed']);
    expect(bus.lastSeq()).toBe(2);
  });

  it('stops calling a handler once unsubscribed', () => {
    const bus = createEventBus({ now: () => at });
    const seen: string[] = [];
    const off = bus.on('followups/changed', ({ payload }) => seen.push(payload.reason));
    bus.emit('followups/changed', { reason: 'a' }, ['manager']);
    off();
    bus.emit('followups/changed', { reason: 'b' }, ['manager']);
    expect(seen).toEqual(['a']);
  });
});
