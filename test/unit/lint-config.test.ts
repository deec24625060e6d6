import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The lint config's promises, checked on text put in the place of real files (nothing is
// written): the typed rules read the text given, the import zones read the file's folder.
const root = join(import.meta.dirname, '..', '..');
const coreFile = join(root, 'main/core/clock.ts');
const rendererFile = join(root, 'renderer/shared/hall-clock.ts');
const driverFile = join(root, 'main/drivers/printer/printer-config.ts');
const commonFile = join(root, 'common/calendar-day.ts');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function problems(text: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

// Loading the TypeScript program for the typed rules takes a while on two cores.
describe('eslint.config.ts', { timeout: 120_000 }, () => {
  it('passes a clean file', async () => {
    expect(await problems(readFileSync(coreFile, 'utf8'), coreFile)).toEqual([]);
  });

  it('refuses main/core importing main/server', async () => {
    const text = "import { startHall } from '../server/hall.ts';\nexport const start = startHall;\n";
    const found = await problems(text, coreFile);
    expect(found).toEqual([expect.stringMatching(/^boundaries\/dependencies: .*"core".*"server"/)]);
  });

  it('refuses main/drivers importing main/core: the core drives the drivers through ports', async () => {
    const text = "import type { Clock } from '../../core/clock.ts';\nexport type C = Clock;\n";
    expect(await problems(text, driverFile)).toEqual([expect.stringMatching(/^boundaries\/dependencies: .*"drivers".*"core"/)]);
  });

  it('keeps common/ runtime-neutral: nothing of ours (not even a type), no Node module, no electron, no browser global', async () => {
    const cases = [
      ["import type { Clock } from '../main/core/clock.ts';\nexport type C = Clock;\n", /^boundaries\/dependencies: .*"common".*"core"/],
      [
        "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
        /^boundaries\/dependencies: common\/ runs in every runtime: no Node modules/,
      ],
      ["import { app } from 'electron';\nexport const a = app;\n", /^boundaries\/dependencies: electron, electron-updater: only/],
      ['export const here = (): string => window.location.href;\n', /^no-restricted-globals: Unexpected use of 'window'/],
    ] as const;
    for (const [text, expected] of cases) expect(await problems(text, commonFile)).toEqual([expect.stringMatching(expected)]);
  });

  it('refuses a promise nobody awaits', async () => {
    const text = 'async function save(): Promise<void> {}\nexport function onClick(): void {\n  save();\n}\n';
    expect(await problems(text, coreFile)).toEqual([expect.stringMatching(/^@typescript-eslint\/no-floating-promises: /)]);
  });

  it('lets renderer/ import types from main/, and refuses values', async () => {
    const typeOnly = "import type { Clock } from '../../main/core/clock.ts';\nexport type C = Clock;\n";
    expect(await problems(typeOnly, rendererFile)).toEqual([]);
    const value = "import { systemClock } from '../../main/core/clock.ts';\nexport const clock = systemClock;\n";
    // Other rules may speak too: earlier cases put other text in main/core/clock.ts's place.
    expect(await problems(value, rendererFile)).toContainEqual(expect.stringMatching(/^boundaries\/dependencies: .*"renderer".*"core"/));
  });

  it('refuses enum, default export and console in application code', async () => {
    const text = "export enum Mode { A }\nexport default Mode;\nexport const say = () => console.log('hi');\n";
    const rules = (await problems(text, coreFile)).map((p) => p.split(':')[0]);
    expect(rules).toEqual(['no-restricted-syntax', 'no-restricted-syntax', 'no-console']);
  });

  it('keeps better-sqlite3 in db/', async () => {
    const text = "import Database from 'better-sqlite3';\nexport const open = (file: string) => new Database(file);\n";
    expect(await problems(text, coreFile)).toEqual([expect.stringMatching(/^boundaries\/dependencies: better-sqlite3: only db/)]);
  });
});
