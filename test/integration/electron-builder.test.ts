import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const targetsOf = (platform: unknown): Target[] => (platform as { target?: Target[] } | undefined)?.target ?? [];
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

  it('flips the fuses: no run-as-Node, NODE_OPTIONS or inspect flags; cookies encrypted; only the checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // runAsNode off breaks child_process.fork in the main process: the hall must run in a utility process.
    const mainProcess = ['main.ts', 'hall-process.ts'].map((f) => readFileSync(join(root, 'main/electron', f), 'utf8')).join('\n');
    expect(mainProcess).toContain('utilityProcess.fork(');
    expect(mainProcess).not.toMatch(/child_process|ELECTRON_RUN_AS_NODE/);
  });

  it('makes an assisted Windows installer that asks "all users / only me", all users first, and elevates', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: true,
      allowElevation: true,
      include: 'build/installer.nsh',
    });
    expect((config.nsis as { artifactName?: string }).artifactName).toBe('OneWindow-Setup-${version}.${ext}');
  });

  it("makes deb packages that install on 统信 UOS and 银河麒麟: Chromium's libraries by Debian name, a named executable, 一窗通 in the menu", () => {
    const linux = config.linux as { executableName?: string; syncDesktopName?: boolean; desktop?: { entry?: Record<string, string> } };
    expect(linux.executableName).toBe('onewindow');
    expect(linux.syncDesktopName).toBe(true);
    expect((config.extraMetadata as { desktopName?: string }).desktopName).toBe('onewindow.desktop');
    expect(linux.desktop?.entry).toMatchObject({ Name: 'OneWindow', 'Name[zh_CN]': '一窗通' });
    const deb = config.deb as { depends?: string[]; artifactName?: string };
    expect(deb.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libxss1', 'libgbm1', 'libasound2 | libasound2t64']));
    expect(deb.artifactName).toContain('${arch}');
    expect((config.appImage as { artifactName?: string }).artifactName).toContain('${arch}');
  });

  it('rejects a wrong configuration, so the check above cannot pass vacuously', () => {
    expect(validate({ ...config, win: { target: 42 } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, nsis: { ...(config.nsis as object), oneClick: 'no' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...(config.electronFuses as object), runAsnode: false } })).toBe(false);
  });
});

// The installer's command line for mass deployment (docs/deploy.md): build/installer.nsh turns
// /ROLE= /HALL= /HALLCERT= /COUNTER= into role-preset.json, which the app reads at first start.
describe('build/installer.nsh', () => {
  const nsh = readFileSync(join(root, 'build/installer.nsh'), 'utf8');

  it('is the include electron-builder uses, and hooks the install with the four parameters', () => {
    expect((config.nsis as { include?: string }).include).toBe('build/installer.nsh');
    expect(nsh).toMatch(/^!macro customInit$/m);
    expect(nsh).toMatch(/^!macro customInstall$/m);
    for (const parameter of ['/ROLE=', '/HALL=', '/HALLCERT=', '/COUNTER=']) expect(nsh).toContain(`\${GetOptions} $R0 "${parameter}"`);
    expect(nsh).toContain('$INSTDIR\\resources\\role-preset.json');
    for (const key of ['"role"', '"hallUrl"', '"hallCertificate"', '"counter"']) expect(nsh).toContain(key);
    // A hall server installed for a hall listens on the LAN, not only on 127.0.0.1.
    expect(nsh).toMatch(/\$\{If\} \$presetRole == "hallServer"\s+;[^\n]*\n\s+FileWrite \$R0 ', "host": "0\.0\.0\.0"'/);
  });

  it('takes the role words the app’s --role= takes, and writes the role as the app’s settings name it', async () => {
    // By path, not typed: main/electron is typechecked on its own (tsconfig.electron.json).
    const { parseRolePreset } = (await import(join(root, 'main/electron/role-preset.ts'))) as {
      parseRolePreset: (argv: string[]) => { kind: string; settings?: { role: string } };
    };
    const words: [word: string, role: string][] = [
      ['hall-server', 'hallServer'],
      ['counter', 'counter'],
      ['kiosk', 'kiosk'],
      ['board', 'board'],
      ['manager-desk', 'managerDesk'],
    ];
    const hall = '--hall=https://192.168.1.10:4720';
    for (const [word, role] of words) {
      expect(nsh).toContain(`$presetRole == "${word}"`);
      expect(nsh).toContain(`StrCpy $presetRole "${role}"`);
      // What the installer accepts the app accepts, and the name it writes reads back as the same role.
      expect(parseRolePreset([`--role=${word}`, hall]).settings?.role).toBe(role);
      expect(parseRolePreset([`--role=${role}`, hall]).settings?.role).toBe(role);
    }
  });

  // makensis (Debian's nsis package) compiles the include into a small installer and uninstaller
  // with warnings as errors, as electron-builder does; Windows cannot run here to execute it.
  const makensis = (() => {
    try {
      execFileSync('makensis', ['-VERSION'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.runIf(makensis)('compiles with makensis, warnings as errors, in the installer and the uninstaller', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onewindow-nsh-'));
    try {
      const script = (uninstaller: boolean) =>
        [
          'Unicode true',
          uninstaller ? '!define BUILD_UNINSTALLER' : '',
          `!addincludedir "${join(root, 'build')}"`,
          'Name "OneWindow"',
          `OutFile "${join(dir, 'onewindow-test.exe')}"`,
          'RequestExecutionLevel user',
          'InstallDir "$TEMP\\OneWindow"',
          '!include "installer.nsh"',
          uninstaller ? '' : 'Function .onInit\n  !insertmacro customInit\nFunctionEnd',
          'Section "install"',
          uninstaller ? '' : '  SetOutPath $INSTDIR\n  !insertmacro customInstall',
          'SectionEnd',
        ].join('\n');
      for (const uninstaller of [false, true]) {
        const file = join(dir, uninstaller ? 'uninstaller.nsi' : 'installer.nsi');
        writeFileSync(file, script(uninstaller));
        try {
          execFileSync('makensis', ['-V2', '-WX', file], { stdio: 'pipe', encoding: 'utf8' });
        } catch (error) {
          // makensis prints its warnings on stdout: show them, not just "warning treated as error".
          throw new Error(`makensis ${file}: ${String((error as { stdout?: unknown }).stdout)}`, { cause: error });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
