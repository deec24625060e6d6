import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexdumpDiff } from './escpos-inspect.ts';
import { PrinterError } from './printer-error.ts';
import { startTcpCapture, type TcpCapture, unusedPort } from './socat-fixture.ts';
import { sendToTcpPrinter } from './tcp-printer.ts';

// A real socket to a real listener: socat stands in for the printer's port 9100 and
// writes what it gets to a file, so the bytes are checked as they left the machine.
const golden = readFileSync(join(import.meta.dirname, '__golden__', 'ticket-A001.bin'));

let printer: TcpCapture;
beforeAll(async () => {
  printer = await startTcpCapture();
});
afterAll(() => printer.stop());

describe('sendToTcpPrinter', () => {
  it('delivers the golden ticket byte for byte', async () => {
    const before = printer.received().length;
    await sendToTcpPrinter({ host: '127.0.0.1', port: printer.port }, golden);
    const arrived = (await printer.waitFor((bytes) => bytes.length >= before + golden.length)).subarray(before);
    expect(hexdumpDiff(golden, arrived)).toBe('');
  });

  it('says clearly when nothing listens on the port', async () => {
    const port = await unusedPort();
    const failure = sendToTcpPrinter({ host: '127.0.0.1', port }, golden);
    await expect(failure).rejects.toBeInstanceOf(PrinterError);
    await expect(failure).rejects.toMatchObject({
      failure: 'refused',
      message: `printer at 127.0.0.1:${port} refused the connection: is it on, and is ${port} its raw printing port?`,
    });
  });

  it('gives up on a printer that accepts but never reads', async () => {
    // A listener that never reads, with a job larger than the socket buffers on both
    // sides: the write stalls as it does when a printer is out of paper.
    const sockets: Socket[] = [];
    const stuck = createServer((socket) => {
      socket.pause();
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => stuck.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const address = stuck.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const failure = sendToTcpPrinter({ host: '127.0.0.1', port }, Buffer.alloc(64 * 1024 * 1024), { idleTimeoutMs: 300 });
      await expect(failure).rejects.toMatchObject({ failure: 'timeout' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => stuck.close(resolve));
    }
  });

  it('names a host that does not resolve', async () => {
    await expect(sendToTcpPrinter({ host: 'printer.invalid', port: 9100 }, golden)).rejects.toMatchObject({ failure: 'not_found' });
  });
});
