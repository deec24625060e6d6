import { describe, expect, it } from 'vitest';
import { syncFailureReason } from './failure-reason.ts';

describe('why a sync run failed', () => {
  it('turns the engine’s errors into reasons a manager can act on', () => {
    expect(syncFailureReason('https://gas.example/onewindow/batches answered 401: bad signature')).toBe('unauthorized');
    expect(syncFailureReason('https://gas.example/onewindow/batches: connect ECONNREFUSED 10.0.0.5:443')).toBe('unreachable');
    expect(syncFailureReason('https://gas.example/onewindow/batches: timed out after 30000 ms')).toBe('timeout');
    expect(syncFailureReason('https://gas.example/onewindow/batches answered 503')).toBe('serverError');
    expect(syncFailureReason('https://gas.example/onewindow/updates answered in an unknown shape')).toBe('badAnswer');
    expect(syncFailureReason("EACCES: permission denied, open '/drops/gas/out/b1'")).toBe('folder');
    expect(syncFailureReason("POST https://gas.example/onewindow/batches: the answer's signature does not match")).toBe('unsignedAnswer');
    expect(syncFailureReason('GET https://gas.example/onewindow/updates: the answer is not signed by the utility')).toBe('unsignedAnswer');
    expect(syncFailureReason('/drops/gas/in/b1.json: the reply is not sealed with the shared secret, or was altered')).toBe('unsignedAnswer');
    expect(syncFailureReason('POST https://gas.example/onewindow/batches: the answer is dated 1790000000, more than 5 minutes from the hall clock')).toBe(
      'clockSkew',
    );
    expect(syncFailureReason('POST https://gas.example/onewindow/batches answered 401: {"error":"stale timestamp"}')).toBe('clockSkew');
    expect(syncFailureReason('http://sync.gas.example.cn/onewindow: refused to send over plain http off this computer (https only)')).toBe('insecureUrl');
    expect(syncFailureReason('something else entirely')).toBe('other');
    expect(syncFailureReason(null)).toBeNull();
  });
});
