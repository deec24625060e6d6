import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { PrintableTicket } from '../../main/core/queue/contract.ts';
import { qrPayloads } from '../../main/drivers/printer/escpos-inspect.ts';
import { startTcpCapture, type TcpCapture, unusedPort } from '../../main/drivers/printer/socat-fixture.ts';
import { cliPath, createAdmin, createStaff, login, pairDevice, post, postOk, spawnCliHall, startTestHall, type TestHall, tempDataDir } from './hall-fixture.ts';

// The whole path with real parts: a hall server over HTTP, a paired kiosk whose printer
// setting points at socat listening like a network thermal printer, and the bytes that
// reach it. Nothing is mocked.

const cut = Buffer.from([0x1d, 0x56, 0x42, 0x00]);
const countCuts = (bytes: Buffer) => {
  let n = 0;
  for (let i = bytes.indexOf(cut); i !== -1; i = bytes.indexOf(cut, i + 1)) n += 1;
  return n;
};

let hall: TestHall;
let printer: TcpCapture;
let managerToken: string;
let kiosk: { deviceId: number; token: string };

beforeAll(async () => {
  printer = await startTcpCapture();
  hall = await startTestHall();
  managerToken = await login(hall.url, await createAdmin(hall.url));
  kiosk = await pairDevice(hall.url, managerToken, 'kiosk');
});

afterAll(async () => {
  await hall?.stop();
  await printer?.stop();
});

const setKioskPrinter = (port: number) =>
  postOk(hall.url, 'devices/setPrinter', { deviceId: kiosk.deviceId, printer: { kind: 'tcp', host: '127.0.0.1', port } }, managerToken);

describe('ticket printing', () => {
  it("prints a kiosk's ticket on its printer: number, Chinese text and the status page QR", async () => {
    await setKioskPrinter(printer.port);
    const before = printer.received().length;
    const ticket = await postOk<PrintableTicket>(hall.url, 'queue/issue', { categoryId: 1 }, kiosk.token);
    expect(ticket.printed).toBe('printer');
    expect(ticket.statusPath).toMatch(/^\/t\/[A-Za-z0-9_-]{16,64}$/);

    const job = (await printer.waitFor((bytes) => countCuts(bytes.subarray(before)) >= 1)).subarray(before);
    expect(job.includes(Buffer.from(`${ticket.number}\n`))).toBe(true);
    expect(job.includes(iconv.encode('综合业务', 'gb18030'))).toBe(true);
    expect(qrPayloads(job)).toEqual([`${hall.url}${ticket.statusPath}`]);

    // The QR code leads to the ticket's public status, which knows this ticket.
    const token = ticket.statusPath.replace('/t/', '');
    const status = await postOk<{ number: string }>(hall.url, 'queue/ticketStatus', { token });
    expect(status.number).toBe(ticket.number);
  });

  it('prints the same ticket again when a clerk reprints it on the kiosk', async () => {
    await setKioskPrinter(printer.port);
    const ticket = await postOk<PrintableTicket>(hall.url, 'queue/issue', { categoryId: 1 }, kiosk.token);
    await printer.waitFor((bytes) => bytes.includes(Buffer.from(`${ticket.number}\n`)));
    const before = printer.received().length;

    const clerk = await createStaff(hall.url, managerToken, ['clerk']);
    const again = await postOk<PrintableTicket>(hall.url, 'queue/reprint', { ticketId: ticket.id, deviceId: kiosk.deviceId }, clerk.token);
    expect(again).toMatchObject({ id: ticket.id, number: ticket.number, statusPath: ticket.statusPath, printed: 'printer' });

    const job = (await printer.waitFor((bytes) => countCuts(bytes.subarray(before)) >= 1)).subarray(before);
    expect(job.includes(Buffer.from(`${ticket.number}\n`))).toBe(true);
    expect(qrPayloads(job)).toEqual([`${hall.url}${ticket.statusPath}`]);
  });

  it('still issues the ticket, for the screen, when the printer is unreachable', async () => {
    await setKioskPrinter(await unusedPort());
    const response = await post<PrintableTicket>(hall.url, 'queue/issue', { categoryId: 1 }, kiosk.token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, value: { printed: 'screen' } });
  });

  it('leaves a kiosk without a printer (and no hall default) to the screen', async () => {
    await postOk(hall.url, 'devices/setPrinter', { deviceId: kiosk.deviceId, printer: null }, managerToken);
    const before = printer.received().length;
    const ticket = await postOk<PrintableTicket>(hall.url, 'queue/issue', { categoryId: 1 }, kiosk.token);
    expect(ticket.printed).toBe('screen');
    expect(printer.received().length).toBe(before);
  });
});

describe('the hall-wide printer of `npm run hall`', () => {
  it('prints for kiosks without their own printer, with QR codes on --public-url', async () => {
    const dataDir = tempDataDir();
    const cli = await spawnCliHall(dataDir, 15_000, ['--printer', `tcp://127.0.0.1:${printer.port}`, '--public-url', 'http://192.168.1.10:4720']);
    try {
      const token = await login(cli.url, await createAdmin(cli.url));
      const headless = await pairDevice(cli.url, token, 'kiosk');
      const before = printer.received().length;
      const ticket = await postOk<PrintableTicket>(cli.url, 'queue/issue', { categoryId: 1 }, headless.token);
      expect(ticket.printed).toBe('printer');
      const job = (await printer.waitFor((bytes) => countCuts(bytes.subarray(before)) >= 1)).subarray(before);
      expect(qrPayloads(job)).toEqual([`http://192.168.1.10:4720${ticket.statusPath}`]);
    } finally {
      await cli.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed --printer or ONEWINDOW_PRINTER with a usage message', () => {
    // A data folder of its own, in case a regression lets the hall start after all.
    const dataDir = tempDataDir();
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [cliPath, '--data', dataDir, '--port', '0', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 15_000 });
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const flag = run(['--printer', 'lpt1']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('invalid printer "lpt1"');
    const env = run([], { ONEWINDOW_PRINTER: 'serial:///dev/ttyUSB0?baud=fast' });
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('baudRate');
    expect(run(['--public-url', 'hall.lan']).stderr).toContain('invalid --public-url "hall.lan"');
  });
});
