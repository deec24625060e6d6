import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder.yml checked against electron-builder's own schema (the one it applies
// when it builds), so a typo fails here and not on the release machine.
const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const problems = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');

type Target = { target: string; arch?: string[] };
const targetsOf = (platform: unknown): Target[] => ((platform as { target?: Target[] } | undefined)?.target ?? []);
const archsFor = (targets: Target[], name: string) => targets.filter((t) => t.target === name).flatMap((t) => t.arch ?? []);

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const valid = validate(config);
    expect(valid, problems(validate.errors)).toBe(true);
  });

  it('builds the Windows installer and the Linux packages the halls use', () => {
    expect(config.appId).toBe('cn.onewindow.hall');
    expect(archsFor(targetsOf(config.win), 'nsis')).toContain('x64');
    const linux = targetsOf(config.linux);
    for (const name of ['deb', 'AppImage']) expect(archsFor(linux, name)).toEqual(expect.arrayContaining(['x64', 'arm64']));
    expect((config.extraMetadata as { main?: string }).main).toBe('out/main/electron/main.js');
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('rejects a wrong configuration, so the check above cannot pass vacuously', () => {
    expect(validate({ ...config, win: { target: 42 } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, nsis: { ...(config.nsis as object), oneClick: 'no' } })).toBe(false);
  });
});
