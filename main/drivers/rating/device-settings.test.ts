import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../common/logger.ts';
import { configureRatingDevice, serialTargetOf } from './configured-device.ts';
import { collectProfileFolders, collectRatingDeviceSettings, formatRatingDeviceSetting, parseRatingDeviceSetting } from './device-settings.ts';
import { profileLibrary } from './profile-library.ts';

describe('parseRatingDeviceSetting', () => {
  it('reads counter, profile, port and options', () => {
    expect(parseRatingDeviceSetting('counter3=reference-serial:/dev/ttyUSB0?baud=9600&addr=1')).toEqual({
      counter: 'counter3',
      profile: 'reference-serial',
      path: '/dev/ttyUSB0',
      address: 1,
      baudRate: 9600,
      dataBits: undefined,
      parity: undefined,
      stopBits: undefined,
    });
  });

  it('takes Windows ports, hex addresses and every serial option', () => {
    expect(parseRatingDeviceSetting('7=example-sum8:COM3?addr=0x0A&baud=19200&dataBits=7&parity=even&stopBits=2')).toMatchObject({
      counter: '7',
      path: 'COM3',
      address: 10,
      baudRate: 19200,
      dataBits: 7,
      parity: 'even',
      stopBits: 2,
    });
    expect(parseRatingDeviceSetting('c1=reference-serial:\\\\.\\COM10').path).toBe('\\\\.\\COM10');
  });

  it('needs no port for the keyboard keypad and the screen; the address defaults to 1', () => {
    expect(parseRatingDeviceSetting('counter4=keyboard-keypad')).toMatchObject({ profile: 'keyboard-keypad', path: undefined, address: 1 });
  });

  it('says what is wrong', () => {
    expect(() => parseRatingDeviceSetting('reference-serial:/dev/ttyUSB0')).toThrow('no "="');
    expect(() => parseRatingDeviceSetting('c 3=reference-serial')).toThrow('is not a counter name');
    expect(() => parseRatingDeviceSetting('c3=Reference:/dev/x')).toThrow('"Reference" is not a profile name');
    expect(() => parseRatingDeviceSetting('c3=reference-serial:/dev/x?baud=fast')).toThrow('baud must be a number');
    expect(() => parseRatingDeviceSetting('c3=reference-serial:/dev/x?addr=300')).toThrow('addr');
    expect(() => parseRatingDeviceSetting('c3=reference-serial:/dev/x?speed=9600')).toThrow('unknown option speed');
    expect(() => parseRatingDeviceSetting('c3=reference-serial:')).toThrow('the path after ":" is empty');
  });

  it('formats back to text that parses to the same settings', () => {
    const text = 'counter3=reference-serial:/dev/ttyUSB0?baud=9600&addr=2&parity=odd';
    const settings = parseRatingDeviceSetting(text);
    expect(parseRatingDeviceSetting(formatRatingDeviceSetting(settings))).toEqual(settings);
  });
});

describe('collectRatingDeviceSettings', () => {
  it('joins the environment and the command line; the command line wins for a counter', () => {
    const settings = collectRatingDeviceSettings({
      flags: ['c3=reference-serial:/dev/ttyUSB1'],
      env: { ONEWINDOW_RATING_DEVICES: 'c3=reference-serial:/dev/ttyUSB0; c4=customer-screen\nc5=keyboard-keypad' },
    });
    expect(settings.map((s) => [s.counter, s.profile, s.path])).toEqual([
      ['c4', 'customer-screen', undefined],
      ['c5', 'keyboard-keypad', undefined],
      ['c3', 'reference-serial', '/dev/ttyUSB1'],
    ]);
  });

  it('refuses one counter twice in one place', () => {
    expect(() => collectRatingDeviceSettings({ flags: ['c3=customer-screen', 'c3=keyboard-keypad'] })).toThrow('--rating-device names counter "c3" twice');
  });

  it('reads profile folders from the environment and the command line', () => {
    expect(collectProfileFolders({ flags: ['/b'], env: { ONEWINDOW_RATING_PROFILES: ['/a', '/b'].join(process.platform === 'win32' ? ';' : ':') } })).toEqual([
      '/a',
      '/b',
    ]);
  });
});

describe('configureRatingDevice', () => {
  const library = profileLibrary();

  it('makes a driven device for a serial profile, with the profile defaults under the counter settings', () => {
    const reference = library.get('reference-serial');
    if (reference?.transport !== 'serial') throw new Error('no reference profile');
    expect(serialTargetOf(reference, parseRatingDeviceSetting('c3=reference-serial:/dev/ttyUSB0?baud=19200'))).toEqual({
      path: '/dev/ttyUSB0',
      baudRate: 19200,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
    });
    const configured = configureRatingDevice(parseRatingDeviceSetting('c3=reference-serial:/dev/ttyUSB0'), library, { logger: silentLogger });
    expect(configured.kind).toBe('driven');
    if (configured.kind === 'driven') expect(configured.device.health).toBe('disconnected');
  });

  it('hands the keyboard keypad and the screen to the counter window', () => {
    expect(configureRatingDevice(parseRatingDeviceSetting('c4=keyboard-keypad'), library, { logger: silentLogger })).toMatchObject({
      kind: 'keyboard',
      counter: 'c4',
    });
    expect(configureRatingDevice(parseRatingDeviceSetting('c5=customer-screen'), library, { logger: silentLogger })).toMatchObject({
      kind: 'screen',
      counter: 'c5',
    });
  });

  it('says which profile is missing, and that a serial device needs a port', () => {
    expect(() => configureRatingDevice(parseRatingDeviceSetting('c3=acme'), library, { logger: silentLogger })).toThrow(
      'no rating device profile "acme" (known: reference-serial, keyboard-keypad, customer-screen)',
    );
    expect(() => configureRatingDevice(parseRatingDeviceSetting('c3=reference-serial'), library, { logger: silentLogger })).toThrow('needs a port');
  });
});
