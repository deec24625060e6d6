import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexdumpDiff } from './escpos-inspect.ts';
import { sendToSerialPrinter } from './serial-printer.ts';
import { type PtyPair, startPtyPair } from './socat-fixture.ts';

// A real serial port: socat wires two pseudo-terminals together, the printer code opens
// one end through serialport's native binding, and the test reads the other end.
const golden = readFileSync(join(import.meta.dirname, '__golden__', 'ticket-A001.bin'));

let cable: PtyPair;
beforeAll(async () => {
  cable = await startPtyPair();
});
afterAll(() => cable.stop());

/** Opens the far end and collects what arrives until `length` bytes are in. */
async function readFarEnd(path: string, length: number, timeoutMs = 5_000): Promise<{ arrived: Promise<Buffer>; close: () => Promise<void> }> {
  const port = new SerialPort({ path, baudRate: 19200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const chunks: Buffer[] = [];
  const arrived = new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${Buffer.concat(chunks).length} of ${length} bytes arrived`)), timeoutMs);
    port.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      if (all.length >= length) {
        clearTimeout(timer);
        resolve(all);
      }
    });
  });
  return { arrived, close: () => new Promise((resolve) => port.close(() => resolve())) };
}

describe('sendToSerialPrinter', () => {
  it('delivers the golden ticket byte for byte', async () => {
    const far = await readFarEnd(cable.b, golden.length);
    try {
      await sendToSerialPrinter({ path: cable.a, baudRate: 19200 }, golden);
      expect(hexdumpDiff(golden, await far.arrived)).toBe('');
    } finally {
      await far.close();
    }
  });

  it('says clearly when there is no such port', async () => {
    await expect(sendToSerialPrinter({ path: '/dev/ttyNOPRINTER', baudRate: 9600 }, golden)).rejects.toMatchObject({
      failure: 'not_found',
      message: 'no serial port at /dev/ttyNOPRINTER: is the printer plugged in?',
    });
  });
});
