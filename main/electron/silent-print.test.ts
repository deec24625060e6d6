import pino from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../common/ipc-channels.ts';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it records the print options; nothing is printed).
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { choosePrinter, registerSilentPrint } = await import('./silent-print.ts');
const { fromApp } = await import('./ipc-bridge.ts');

const log = pino({ level: 'silent' });
const printers = [
  { name: 'HP_LaserJet', displayName: 'HP LaserJet 1020', isDefault: true },
  { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 Receipt', isDefault: false },
];

function setUp(printerName: string | undefined) {
  const window = new fake.BrowserWindow({}) as InstanceType<typeof fake.FakeBrowserWindow>;
  registerSilentPrint({ printerName, allowed: fromApp, log });
  const handler = fake.ipcMain.handlers.get(ipcChannels.printSilently);
  if (!handler) throw new Error('no print handler');
  const ask = (url = 'app://hall/kiosk') => handler({ sender: window.webContents, senderFrame: { url } });
  const printed = () => fake.calls.filter((c) => c[0] === 'webContents.print').map((c) => c[2]);
  return { ask, printed };
}

describe('silent printing of tickets and receipts', () => {
  beforeEach(() => fake.resetElectronFake());

  it('chooses the named printer by system or shown name, else the default; a missing named one is an error', () => {
    expect(choosePrinter(printers, 'EPSON_TM_T82')).toEqual({ ok: true, deviceName: 'EPSON_TM_T82' });
    expect(choosePrinter(printers, 'EPSON TM-T82 Receipt')).toEqual({ ok: true, deviceName: 'EPSON_TM_T82' });
    expect(choosePrinter(printers, undefined)).toEqual({ ok: true, deviceName: undefined });
    expect(choosePrinter(printers, 'Kyocera')).toEqual({ ok: false, reason: 'printerNotFound', printer: 'Kyocera' });
    expect(choosePrinter([], undefined)).toEqual({ ok: false, reason: 'noPrinter' });
  });

  it('prints the asking page without a dialog to the printer named in settings', async () => {
    fake.setPrinters(printers);
    const { ask, printed } = setUp('EPSON TM-T82 Receipt');
    expect(await ask()).toEqual({ ok: true });
    expect(printed()).toEqual([{ silent: true, printBackground: true, deviceName: 'EPSON_TM_T82' }]);
  });

  it('falls back to the default printer when none is named', async () => {
    fake.setPrinters(printers);
    const { ask, printed } = setUp(undefined);
    expect(await ask()).toEqual({ ok: true });
    // No device name is Chromium's way to the system's default printer.
    expect(printed()).toEqual([{ silent: true, printBackground: true }]);
  });

  it('says which printer is missing instead of printing elsewhere, and refuses pages that are not the app’s', async () => {
    fake.setPrinters(printers);
    const { ask, printed } = setUp('Kyocera FS-1040');
    expect(await ask()).toEqual({ ok: false, reason: 'printerNotFound', printer: 'Kyocera FS-1040' });
    expect(await ask('https://example.com/')).toEqual({ ok: false, reason: 'failed' });
    expect(printed()).toEqual([]);
  });
});
