import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { setSetting } from '../../../db/settings.ts';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';
import type { PrinterConfig } from '../../../common/printer-address.ts';
import { readDevicePrinter } from './printer-settings.ts';

let hall: TestHall;
let managerToken: string;

beforeAll(async () => {
  hall = openTestHall();
  managerToken = (await setUpAdmin(hall)).token;
});
afterAll(() => hall.close());

const pairDevice = async (role: 'kiosk' | 'display', name: string) => {
  const { code } = unwrap(await hall.core.send('devices/issuePairingCode', { role, name }, managerToken));
  return unwrap(await hall.core.send('devices/pair', { code }));
};

describe("a kiosk's ticket printer", () => {
  it('is stored per device, read back, audited, and cleared with null', async () => {
    const { device } = await pairDevice('kiosk', 'Printer kiosk');
    expect(unwrap(await hall.core.send('devices/getPrinter', { deviceId: device.id }, managerToken))).toEqual({ deviceId: device.id, printer: null });

    const printer = { kind: 'tcp', host: '192.168.1.50', port: 9100 } satisfies PrinterConfig;
    expect(unwrap(await hall.core.send('devices/setPrinter', { deviceId: device.id, printer }, managerToken))).toEqual({ deviceId: device.id, printer });
    expect(unwrap(await hall.core.send('devices/getPrinter', { deviceId: device.id }, managerToken))).toEqual({ deviceId: device.id, printer });
    expect(readDevicePrinter(hall.db, device.id)).toEqual(printer);

    // The serial baud rate has a default, as the port of a TCP printer does.
    const serial = unwrap(await hall.core.send('devices/setPrinter', { deviceId: device.id, printer: { kind: 'serial', path: '/dev/ttyUSB0' } }, managerToken));
    expect(serial.printer).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 });

    unwrap(await hall.core.send('devices/setPrinter', { deviceId: device.id, printer: null }, managerToken));
    expect(readDevicePrinter(hall.db, device.id)).toBeUndefined();

    const audit = listAudit(hall.db, { action: 'devices.setPrinter', limit: 10 }).filter((a) => a.target === `device:${device.id}`);
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }, null],
      [printer, { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }],
      [null, printer],
    ]);
  });

  it('is for managers only', async () => {
    const { device, token } = await pairDevice('kiosk', 'Self-configuring kiosk');
    expect(await hall.core.send('devices/setPrinter', { deviceId: device.id, printer: { kind: 'screen' } }, token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await hall.core.send('devices/getPrinter', { deviceId: device.id }, token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('belongs to a kiosk that exists', async () => {
    const { device } = await pairDevice('display', 'Board with printer');
    expect(await hall.core.send('devices/setPrinter', { deviceId: device.id, printer: { kind: 'screen' } }, managerToken)).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.printerKioskOnly' },
    });
    expect(await hall.core.send('devices/setPrinter', { deviceId: 9999, printer: { kind: 'screen' } }, managerToken)).toEqual({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.deviceNotFound' },
    });
    expect(await hall.core.send('devices/getPrinter', { deviceId: 9999 }, managerToken)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a malformed host, port or serial path with field errors', async () => {
    const { device } = await pairDevice('kiosk', 'Typo kiosk');
    const set = (printer: unknown) => hall.core.call('devices/setPrinter', { deviceId: device.id, printer }, managerToken);
    expect(await set({ kind: 'tcp', host: 'http://printer', port: 9100 })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'printer.host', key: 'field.printerHost' }] } },
    });
    expect(await set({ kind: 'tcp', host: 'printer', port: 70_000 })).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'printer.port', key: 'field.tooBig' }] } },
    });
    expect(await set({ kind: 'serial', path: 'ttyUSB0; rm -rf /', baudRate: 9600 })).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'printer.path', key: 'field.printerPath' }] } },
    });
    expect(await set({ kind: 'parallel' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('treats a stored value that no longer parses as none', async () => {
    const { device } = await pairDevice('kiosk', 'Corrupt kiosk');
    setSetting(hall.db, `printer.device.${device.id}`, '{"kind":"tcp"');
    expect(readDevicePrinter(hall.db, device.id)).toBeUndefined();
    setSetting(hall.db, `printer.device.${device.id}`, '{"kind":"fax"}');
    expect(unwrap(await hall.core.send('devices/getPrinter', { deviceId: device.id }, managerToken)).printer).toBeNull();
  });
});
