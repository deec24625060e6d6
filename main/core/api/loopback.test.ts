import { expect, it } from 'vitest';
import { isLoopbackHost } from './loopback.ts';

it('knows this computer by name and address, and is not fooled by a name that starts like one', () => {
  for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.5.6.7', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
  for (const host of ['127.example.com', '127.0.0.1.example.com', '192.168.1.10', '0.0.0.0', '::', 'hall.local', ''])
    expect(isLoopbackHost(host), host).toBe(false);
});
