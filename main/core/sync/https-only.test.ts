import { describe, expect, it } from 'vitest';
import { plainHttpOffMachine } from './https-only.ts';

describe('https only, except to this computer', () => {
  it('lets https anywhere and http only to loopback', () => {
    for (const ok of [
      'https://sync.gas.example.cn/onewindow',
      'https://10.0.0.5',
      'http://127.0.0.1:8080/sync',
      'http://127.8.9.10',
      'http://localhost:3000',
      'http://LOCALHOST',
      'http://[::1]:9000/x',
      'http://2130706433/',
    ]) {
      expect(plainHttpOffMachine(ok), ok).toBe(false);
    }
    for (const bad of [
      'http://sync.gas.example.cn/onewindow',
      'http://10.0.0.5',
      'http://128.0.0.1',
      'http://localhost.example.cn',
      'http://127.0.0.1.nip.io',
      'http://[::ffff:10.0.0.5]',
      'ftp://127.0.0.1',
      'not a url',
    ]) {
      expect(plainHttpOffMachine(bad), bad).toBe(true);
    }
  });
});
