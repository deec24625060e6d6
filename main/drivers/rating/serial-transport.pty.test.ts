import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../common/logger.ts';
import type { SerialDefaults } from '../../../common/rating-profile/profile.ts';
import { createSerialTransport } from './serial-transport.ts';
import { createSocatCable, type SocatCable } from './testing/socat-cable.ts';
import type { Transport, TransportState } from './transport.ts';

// Real ptys through socat, opened with serialport's native binding on both ends.
const serial: SerialDefaults = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };
let cable: SocatCable | undefined;
let transport: Transport | undefined;

afterEach(async () => {
  await transport?.stop();
  await cable?.dispose();
  transport = undefined;
  cable = undefined;
});

// Generous: the test is about coming back, not how fast. Once, in a full suite run on two
// cores, the unplug was not seen within 5 s; the message says what the port reported meanwhile.
const untilState = (target: TransportState, timeoutMs = 15_000) =>
  new Promise<void>((resolve, reject) => {
    if (transport?.state === target) return resolve();
    const seen: string[] = [];
    const watch = transport?.onState((state, reason) => seen.push(`${state} (${reason})`));
    const timer = setTimeout(() => {
      watch?.();
      reject(new Error(`transport stayed ${transport?.state}, expected ${target}; reported meanwhile: ${seen.join(', ') || 'nothing'}`));
    }, timeoutMs);
    const off = transport?.onState((state) => {
      if (state !== target) return;
      clearTimeout(timer);
      off?.();
      watch?.();
      resolve();
    });
  });

async function openFarEnd(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  // The unplug closes this end too; that is expected here.
  port.on('error', () => undefined);
  return port;
}

describe('the serial transport', () => {
  it('waits for a port that is not there yet, and opens it when it appears', async () => {
    cable = await createSocatCable({ plugged: false });
    transport = createSerialTransport({ ...serial, path: cable.hostPath }, { logger: silentLogger, reconnect: { initialMs: 20, maxMs: 100 } });
    transport.start();
    await new Promise((r) => setTimeout(r, 150));
    expect(transport.state).toBe('disconnected');
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow('is not connected');
    await cable.plugIn();
    await untilState('connected');
  });

  it('carries bytes both ways, and comes back after an unplug', async () => {
    cable = await createSocatCable();
    transport = createSerialTransport({ ...serial, path: cable.hostPath }, { logger: silentLogger, reconnect: { initialMs: 20, maxMs: 100 } });
    const received: number[] = [];
    transport.onData((bytes) => received.push(...bytes));
    transport.start();
    await untilState('connected');

    let far = await openFarEnd(cable.devicePath);
    const farGot = new Promise<Buffer>((resolve) => far.once('data', resolve));
    await transport.write(Uint8Array.of(0x02, 0x01, 0x10, 0x00, 0x11, 0x03));
    expect(Array.from(await farGot)).toEqual([0x02, 0x01, 0x10, 0x00, 0x11, 0x03]);
    far.write(Buffer.from([0xaa, 0x55]));
    await expect.poll(() => received).toEqual([0xaa, 0x55]);

    await cable.unplug();
    await untilState('disconnected');
    await cable.plugIn();
    await untilState('connected');
    far = await openFarEnd(cable.devicePath);
    far.write(Buffer.from([0x42]));
    await expect.poll(() => received).toEqual([0xaa, 0x55, 0x42]);
    await new Promise<void>((resolve) => far.close(() => resolve()));
  });
});
