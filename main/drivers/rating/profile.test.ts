import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRatingProfile } from '../../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../../common/rating-profile/builtin-profiles.ts';
import { loadProfileFile, profileLibrary } from './profile-library.ts';

const examples = join(import.meta.dirname, 'profiles/vendor-examples');
const reference = builtinProfiles.find((profile) => profile.name === 'reference-serial');
let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** The reference profile's JSON with some fields replaced. */
const referenceWith = (changes: Record<string, unknown>) => ({ ...structuredClone(reference), ...changes });

describe('built-in profiles', () => {
  it('are the reference serial keypad, the keyboard keypad and the customer-facing screen', () => {
    expect(builtinProfiles.map((profile) => [profile.name, profile.transport])).toEqual([
      ['reference-serial', 'serial'],
      ['keyboard-keypad', 'keyboard'],
      ['customer-screen', 'screen'],
    ]);
  });

  it('read hex bytes and fill in defaults', () => {
    if (reference?.transport !== 'serial') throw new Error('no reference profile');
    expect(reference.serial).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(reference.frame).toMatchObject({ start: [0x02], end: [0x03], lengthOffset: 0, checkAddress: true, gapTimeoutMs: 100 });
    expect(reference.commands.showStaff).toEqual({ cmd: 0x11, data: [{ text: '{workNo}|{name}|{window}', encoding: 'utf8' }] });
    expect(reference.commands.invite).toEqual({ cmd: 0x12, data: [{ param: 'timeoutSeconds' }] });
    expect(reference.events).toEqual([
      { kind: 'key', cmd: 0x20, keyAt: 0 },
      { kind: 'timeout', cmd: 0x21 },
      { kind: 'status', cmd: 0x2f, statusAt: 0, okValue: 0 },
    ]);
  });
});

describe('a vendor profile', () => {
  it('is a file in a profile folder: no code', () => {
    folder = mkdtempSync(join(tmpdir(), 'onewindow-profiles-'));
    cpSync(examples, folder, { recursive: true });
    const library = profileLibrary([folder]);
    expect([...library.keys()]).toEqual(['reference-serial', 'keyboard-keypad', 'customer-screen', 'example-sum8']);
    expect(library.get('example-sum8')).toMatchObject({ transport: 'serial', frame: { start: [0xaa, 0x55], end: [], checksum: { algorithm: 'sum8' } } });
  });

  it('may not take a name already in use', () => {
    folder = mkdtempSync(join(tmpdir(), 'onewindow-profiles-'));
    writeFileSync(join(folder, 'mine.json'), JSON.stringify(referenceWith({ description: 'a copy' })));
    expect(() => profileLibrary([folder!])).toThrow('two rating device profiles are named "reference-serial"');
  });

  it('names the file and the field when it is wrong', () => {
    folder = mkdtempSync(join(tmpdir(), 'onewindow-profiles-'));
    const file = join(folder, 'broken.json');
    writeFileSync(file, '{ "name": "broken", ');
    expect(() => loadProfileFile(file)).toThrow(`cannot read rating device profile ${file}`);
    writeFileSync(file, JSON.stringify(referenceWith({ name: 'broken', keys: { '1': 6 } })));
    expect(() => loadProfileFile(file)).toThrow(/broken\.json is not a valid rating device profile:\n {2}keys\.1: /);
  });
});

describe('the profile schema refuses', () => {
  const problems = (value: unknown) => {
    try {
      parseRatingProfile(value);
      return '';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  const frame = (changes: Record<string, unknown>) =>
    referenceWith({ frame: { ...structuredClone(reference?.transport === 'serial' ? reference.frame : {}), ...changes } });

  it('LEN after DATA, a checksum field without an algorithm, a checksum before what it covers', () => {
    expect(problems(frame({ fields: ['addr', 'cmd', 'data', 'len', 'checksum'] }))).toContain('"len" must come before "data"');
    expect(problems(frame({ checksum: { algorithm: 'none' } }))).toContain('frame.fields has "checksum" but checksum.algorithm is "none"');
    expect(problems(frame({ fields: ['addr', 'cmd', 'checksum', 'len', 'data'], checksum: { algorithm: 'xor', to: 'data' } }))).toContain(
      'the checksum must come after the bytes it covers',
    );
    expect(problems(frame({ fields: ['addr', 'len', 'data', 'checksum'] }))).toContain('frame.fields needs "cmd"');
    expect(problems(frame({ start: [] }))).toContain('frame.start needs at least one byte');
  });

  it('a bad byte, a misspelt placeholder, one command byte for two events, a key outside the map', () => {
    expect(problems(frame({ start: '0x102' }))).toContain('frame.start');
    expect(problems(referenceWith({ commands: { showStaff: { cmd: '0x11', data: '{workno}|{name}' } } }))).toContain('unknown placeholder {workno}');
    expect(
      problems(
        referenceWith({
          events: [
            { kind: 'key', cmd: 32 },
            { kind: 'timeout', cmd: '0x20' },
          ],
        }),
      ),
    ).toContain('command byte 0x20 has two events');
    expect(problems(referenceWith({ events: [{ kind: 'key', cmd: 32, key: 7 }] }))).toContain('key 7 is not in "keys"');
  });

  it('a heartbeat that answers slower than it polls, an unknown field', () => {
    expect(problems(referenceWith({ heartbeat: { intervalMs: 500, answerTimeoutMs: 500 } }))).toContain('answerTimeoutMs must be shorter');
    expect(problems(referenceWith({ colour: 'red' }))).toContain('colour');
  });

  it('a keyboard binding to a key with no level', () => {
    expect(problems({ name: 'k', transport: 'keyboard', keyboard: { bindings: [{ code: 'F9', key: 9 }] }, keys: { '1': 1 } })).toContain(
      'key 9 is not in "keys"',
    );
    expect(
      problems({
        name: 'k',
        transport: 'keyboard',
        keyboard: {
          bindings: [
            { code: 'F9', key: 1 },
            { code: 'F9', key: 1 },
          ],
        },
        keys: { '1': 1 },
      }),
    ).toContain('code:F9 is bound twice');
  });
});
