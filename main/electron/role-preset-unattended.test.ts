import { describe, expect, it } from 'vitest';
import { pinMatches } from './admin-pin.ts';
import { parseRolePreset } from './role-preset.ts';

const kiosk = ['--role=kiosk', '--hall=https://192.168.1.10:4720'];

describe('the unattended-PC settings on the deployment command line', () => {
  it('stores the unlock PIN only as its hash, with the printer and the start-at-login choice', () => {
    const preset = parseRolePreset([...kiosk, '--admin-pin=482915', '--printer=EPSON TM-T82', '--start-at-login=no']);
    if (preset.kind !== 'preset') throw new Error(JSON.stringify(preset));
    expect(preset.settings).toMatchObject({ role: 'kiosk', printerName: 'EPSON TM-T82', openAtLogin: false });
    const hash = 'adminPinHash' in preset.settings ? preset.settings.adminPinHash : undefined;
    expect(hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(preset.settings)).not.toContain('482915');
    expect(pinMatches('482915', hash ?? '')).toBe(true);
  });

  it('refuses a PIN that is not 4 to 12 digits and a start-at-login that is not yes or no', () => {
    expect(parseRolePreset([...kiosk, '--admin-pin=12'])).toMatchObject({ kind: 'invalid' });
    expect(parseRolePreset([...kiosk, '--admin-pin=abcd'])).toMatchObject({ kind: 'invalid' });
    expect(parseRolePreset([...kiosk, '--start-at-login=maybe'])).toMatchObject({ kind: 'invalid' });
    expect(parseRolePreset(kiosk)).toMatchObject({ kind: 'preset' });
  });
});
