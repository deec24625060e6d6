import { describe, expect, it } from 'vitest';
import { checkAnswer, freshTimestamp, signAnswer, signRequest, unixSeconds } from './signing.ts';

// The worked example of docs/sync-protocol.md ("Signatures"); `openssl dgst -sha256 -hmac` on the
// canonical strings gives the same values.
const secret = 'utility-shared-secret-0123456789';
const requestId = '0123456789abcdef0123456789abcdef';
const batch = '{"protocol":"onewindow.sync/2","hall":"HALL-NORTH-01","utility":"gas","batchId":"test-1","createdAt":"2026-10-01T17:00:02.118Z","records":[]}';
const answer = '{"batchId":"test-1","accepted":[],"rejected":[]}';

describe('onewindow.sync/2 signatures', () => {
  it('match the documented example, the body signed whole or in parts', () => {
    const line = { protocol: 'onewindow.sync/2', method: 'POST', target: '/onewindow/batches', timestamp: '1790874002', requestId } as const;
    expect(signRequest(secret, line, batch)).toBe('sha256=e46f96aaae326eca283836155b7aa8f51bed8883447e9b2a9d3695503f42b927');
    expect(signRequest(secret, line, [batch.slice(0, 40), batch.slice(40)])).toBe('sha256=e46f96aaae326eca283836155b7aa8f51bed8883447e9b2a9d3695503f42b927');
    expect(signRequest(secret, { ...line, method: 'GET', target: '/onewindow/updates?since=41' })).toBe(
      'sha256=fe25f9ffb6adc705b0346a5e756cc2aac6bb2b65f89661550172bd696836564a',
    );
    expect(signAnswer(secret, { protocol: 'onewindow.sync/2', requestId, timestamp: '1790874003' }, answer)).toBe(
      'sha256=d057a5102cbeaa5e1f0ea44b63268af9d07e9a59a8eb12831b39559a76496c7f',
    );
    expect(unixSeconds(new Date('2026-10-01T17:00:02.918Z'))).toBe('1790874002');
  });

  it('take an answer only signed by the secret, for this request, within 5 minutes', () => {
    const now = new Date('2026-10-01T17:00:02.000Z');
    const signed = (id: string, timestamp: string, key = secret) => ({
      timestamp,
      signature: signAnswer(key, { protocol: 'onewindow.sync/2', requestId: id, timestamp }, answer),
      body: Buffer.from(answer),
    });
    const request = { protocol: 'onewindow.sync/2', requestId };
    expect(checkAnswer(secret, request, signed(requestId, '1790874003'), now)).toBe('ok');
    expect(checkAnswer(secret, request, { timestamp: undefined, signature: undefined, body: Buffer.from(answer) }, now)).toBe('unsigned');
    expect(checkAnswer(secret, request, signed(requestId, '1790874003', 'another-secret-000000000'), now)).toBe('mismatch');
    expect(checkAnswer(secret, request, signed('f'.repeat(32), '1790874003'), now)).toBe('mismatch');
    expect(checkAnswer(secret, { ...request, protocol: 'onewindow.rating/2' }, signed(requestId, '1790874003'), now)).toBe('mismatch');
    expect(checkAnswer(secret, request, signed(requestId, String(1790874002 - 301)), now)).toBe('stale');
    expect(freshTimestamp(String(1790874002 + 300), now)).toBe(true);
    expect(freshTimestamp('1790874002.5', now)).toBe(false);
  });
});
