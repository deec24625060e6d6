import { describe, expect, it } from 'vitest';
import { parsePrinterUrl } from './printer-config.ts';

describe('parsePrinterUrl', () => {
  it('reads the TCP, serial and screen forms', () => {
    expect(parsePrinterUrl('tcp://127.0.0.1:9100')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9100 });
    expect(parsePrinterUrl('tcp://printer-1.hall.lan')).toEqual({ kind: 'tcp', host: 'printer-1.hall.lan', port: 9100 });
    expect(parsePrinterUrl('tcp://[fe80::1]:9101')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 9101 });
    expect(parsePrinterUrl('serial:///dev/ttyUSB0?baud=19200')).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 });
    expect(parsePrinterUrl('serial:///dev/serial/by-id/usb-XP-80')).toEqual({ kind: 'serial', path: '/dev/serial/by-id/usb-XP-80', baudRate: 9600 });
    expect(parsePrinterUrl('serial://COM3?baud=115200')).toEqual({ kind: 'serial', path: 'COM3', baudRate: 115200 });
    expect(parsePrinterUrl(' screen ')).toEqual({ kind: 'screen' });
  });

  it('refuses anything else with the accepted forms in the message', () => {
    expect(() => parsePrinterUrl('lpt1')).toThrow('invalid printer "lpt1": not a URL; use tcp://HOST:9100, serial:///dev/ttyUSB0?baud=19200 or screen');
    expect(() => parsePrinterUrl('http://printer:9100')).toThrow('unknown scheme http:');
    expect(() => parsePrinterUrl('serial:///dev/ttyUSB0?baud=fast')).toThrow('baudRate');
    expect(() => parsePrinterUrl('serial:///dev/ttyUSB0?baud=300')).toThrow('baudRate');
  });
});
