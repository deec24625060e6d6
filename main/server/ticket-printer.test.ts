import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDevicePrinter } from '../core/devices/printer-settings.ts';
import type { Logger } from '../../common/logger.ts';
import type { PrintableTicket } from '../core/queue/contract.ts';
import { openTestHall, type TestHall } from '../core/testing.ts';
import { qrPayloads } from '../drivers/printer/escpos-inspect.ts';
import { startTcpCapture, type TcpCapture, unusedPort } from '../drivers/printer/socat-fixture.ts';
import { createTicketPrinter, ticketTime } from './ticket-printer.ts';

// The port on a real database and a real socat "printer". The logger only collects what
// it is given: the test reads the warning a hall's IT person would see.

const ticket = {
  id: 7,
  number: 'B012',
  categoryNameZh: '报装过户',
  categoryNameEn: 'Connections and transfers',
  priority: 'normal',
  ahead: 0,
  estimatedWaitMinutes: 0,
  issuedAt: '2025-03-03T01:00:00.000Z',
  hallName: 'North Hall',
  statusPath: '/t/abcdefghijklmnopqrstuv',
  printed: 'screen',
} satisfies PrintableTicket;

let hall: TestHall;
let printer: TcpCapture;
const warnings: object[] = [];
const logger: Logger = { info() {}, error() {}, warn: (obj) => warnings.push(obj) };

beforeAll(async () => {
  hall = openTestHall();
  printer = await startTcpCapture();
});
afterAll(async () => {
  hall.close();
  await printer.stop();
});

const cutsIn = (bytes: Buffer) => bytes.toString('latin1').split('\x1dVB\x00').length - 1;

describe('the printTicket port', () => {
  it("uses the hall default for a device without its own printer and for a clerk's ticket", async () => {
    const printTicket = createTicketPrinter({
      db: hall.db,
      logger,
      defaultPrinter: { kind: 'tcp', host: '127.0.0.1', port: printer.port },
      publicUrl: () => 'http://hall.lan:4720/',
    });
    const before = printer.received().length;
    expect(await printTicket(ticket, 41)).toBe('printer');
    expect(await printTicket(ticket, null)).toBe('printer');
    const jobs = (await printer.waitFor((bytes) => cutsIn(bytes.subarray(before)) >= 2)).subarray(before);
    expect(qrPayloads(jobs)).toEqual(['http://hall.lan:4720/t/abcdefghijklmnopqrstuv', 'http://hall.lan:4720/t/abcdefghijklmnopqrstuv']);
  });

  it("keeps a public URL's path prefix in the QR code", async () => {
    const printTicket = createTicketPrinter({
      db: hall.db,
      logger,
      defaultPrinter: { kind: 'tcp', host: '127.0.0.1', port: printer.port },
      publicUrl: () => 'https://gov.example.cn/hall',
    });
    const before = printer.received().length;
    expect(await printTicket(ticket, null)).toBe('printer');
    const job = (await printer.waitFor((bytes) => cutsIn(bytes.subarray(before)) >= 1)).subarray(before);
    expect(qrPayloads(job)).toEqual(['https://gov.example.cn/hall/t/abcdefghijklmnopqrstuv']);
  });

  it("lets a device's own setting win over the default, 'screen' included", async () => {
    writeDevicePrinter(hall.db, 42, { kind: 'screen' });
    const printTicket = createTicketPrinter({
      db: hall.db,
      logger,
      defaultPrinter: { kind: 'tcp', host: '127.0.0.1', port: printer.port },
      publicUrl: () => 'http://hall.lan',
    });
    const before = printer.received().length;
    expect(await printTicket(ticket, 42)).toBe('screen');
    expect(printer.received().length).toBe(before);
  });

  it('leaves the ticket to the screen without any printer', async () => {
    const printTicket = createTicketPrinter({ db: hall.db, logger, publicUrl: () => 'http://hall.lan' });
    expect(await printTicket(ticket, 43)).toBe('screen');
    expect(await printTicket(ticket, null)).toBe('screen');
  });

  it('falls back to the screen and logs why when the printer fails', async () => {
    const port = await unusedPort();
    writeDevicePrinter(hall.db, 44, { kind: 'tcp', host: '127.0.0.1', port });
    const printTicket = createTicketPrinter({ db: hall.db, logger, publicUrl: () => 'http://hall.lan' });
    warnings.length = 0;
    expect(await printTicket(ticket, 44)).toBe('screen');
    expect(warnings).toEqual([
      {
        event: 'ticket.printFailed',
        deviceId: 44,
        ticketId: 7,
        number: 'B012',
        printer: `tcp://127.0.0.1:${port}`,
        failure: 'refused',
        err: `printer at 127.0.0.1:${port} refused the connection: is it on, and is ${port} its raw printing port?`,
      },
    ]);
  });
});

describe('ticketTime', () => {
  it('reads the issue time on the hall clock, not UTC', () => {
    expect(ticketTime('2025-03-03T01:00:00.000Z', 'Asia/Shanghai')).toBe('2025-03-03 09:00');
    // 23:30 UTC is already the next morning in Shanghai.
    expect(ticketTime('2025-03-03T23:30:00.000Z', 'Asia/Shanghai')).toBe('2025-03-04 07:30');
  });
});
