import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/deploy.md is what hall IT copy commands from: its installer flags must be the ones
// build/installer.nsh reads, and its `onewindow --role=…` commands must be ones the app takes.
const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs/deploy.md'), 'utf8');
const nsh = readFileSync(join(root, 'build/installer.nsh'), 'utf8');
// The doc writes the fingerprint shortened, as people read it; a real one has 32 pairs.
const fingerprint = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
const commandLines = (start: RegExp) =>
  doc
    .split('\n')
    .filter((line) => start.test(line))
    .map((line) => line.replace('3F:9A:…:C2', fingerprint).trim());

describe('docs/deploy.md', () => {
  it('gives silent Windows installs for every client role, with only flags the installer reads', () => {
    const installs = commandLines(/^OneWindow-Setup-x\.y\.z\.exe /);
    const roles = installs.map((line) => /\/ROLE=(\S+)/.exec(line)?.[1]);
    expect(new Set(roles)).toEqual(new Set(['hall-server', 'counter', 'kiosk', 'board']));
    for (const line of installs) {
      expect(line).toMatch(/ \/S \/allusers /);
      for (const [, flag] of line.matchAll(/ (\/[A-Z]+=)/g)) expect(nsh, `${flag} in: ${line}`).toContain(`\${GetOptions} $R0 "${flag}"`);
      const role = /\/ROLE=(\S+)/.exec(line)?.[1];
      expect(nsh).toContain(`$presetRole == "${role}"`);
    }
  });

  it('gives UOS/Kylin commands the app takes as a role preset', async () => {
    // By path, not typed: main/electron is typechecked on its own (tsconfig.electron.json).
    const { parseRolePreset } = (await import(join(root, 'main/electron/role-preset.ts'))) as {
      parseRolePreset: (argv: string[]) => { kind: string; settings?: { role: string }; problem?: string };
    };
    const commands = commandLines(/^onewindow --role=/).map((line) =>
      line
        .replace(/\s+#.*$/, '')
        .split(/\s+/)
        .slice(1),
    );
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const args of commands) {
      const preset = parseRolePreset(args);
      expect(preset.kind, `${args.join(' ')}: ${preset.problem ?? ''}`).toBe('preset');
    }
  });

  it('shows the role-preset.json the installer writes, with the keys it writes', () => {
    const example = /```json\n(\{.*\})\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const keys = Object.keys(JSON.parse((example ?? '{}').replace('3F:9A:…:C2', fingerprint)) as object);
    expect(keys).toEqual(['role', 'hallUrl', 'hallCertificate', 'counter']);
    for (const key of keys) expect(nsh).toContain(`"${key}"`);
  });
});
