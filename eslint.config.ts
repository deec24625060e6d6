// ESLint for the whole tree: typed rules that catch real bugs (promises nobody awaits, hooks
// with stale dependencies, casts that hide a wrong shape) and the import zones that keep
// each folder to its runtime and its layer. docs/contributing.md explains the zones.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The import zones, one line each: a folder and the zones whose code it may import.
// Renaming a folder is a change to its `folder` here and nowhere else.
// `mayImportTypes` lists zones it may reach with `import type` only (erased at build time,
// so no runtime code crosses). Every zone may import its own files; scripts, bench and
// test are tooling and may import anything of ours.
const zones = [
  { zone: 'common', folder: 'common', mayImport: [] },
  // Locale files are plain JSON data that the desktop and the printer translate with too.
  { zone: 'locales', folder: 'resources/locales', mayImport: [] },
  { zone: 'db', folder: 'db', mayImport: ['common'] },
  { zone: 'core', folder: 'main/core', mayImport: ['common', 'db'] },
  { zone: 'drivers', folder: 'main/drivers', mayImport: ['common', 'locales'] },
  { zone: 'main-shared', folder: 'main/shared', mayImport: ['common', 'locales', 'core'] },
  { zone: 'utility-link', folder: 'main/utility-link', mayImport: ['common', 'db', 'core', 'main-shared'] },
  { zone: 'server', folder: 'main/server', mayImport: ['common', 'locales', 'db', 'core', 'drivers', 'main-shared', 'utility-link'] },
  { zone: 'electron', folder: 'main/electron', mayImport: ['common', 'locales', 'db', 'core', 'drivers', 'main-shared', 'utility-link', 'server'] },
  { zone: 'preload', folder: 'preload', mayImport: ['common'], mayImportTypes: ['electron', 'server', 'renderer'] },
  {
    zone: 'renderer',
    folder: 'renderer',
    mayImport: ['common', 'locales'],
    mayImportTypes: ['core', 'drivers', 'main-shared', 'utility-link', 'server', 'electron'],
  },
  { zone: 'scripts', folder: 'scripts', mayImport: ['*'] },
  { zone: 'bench', folder: 'bench', mayImport: ['*'] },
  { zone: 'test', folder: 'test', mayImport: ['*'] },
] satisfies { zone: string; folder: string; mayImport: string[]; mayImportTypes?: string[] }[];

const folderOf = (zone: string): string => {
  const found = zones.find((z) => z.zone === zone);
  if (!found) throw new Error(`eslint.config.ts: no zone ${zone}`);
  return found.folder;
};

// Packages that belong to one runtime: only these zones may import them.
const packageOwners = [
  { packages: ['better-sqlite3'], zones: ['db'] },
  { packages: ['electron', 'electron-updater'], zones: ['electron', 'preload'] },
  // The core is the domain: no HTTP stack, no sockets, no Electron, no logger of its own choosing.
  { packages: ['fastify', '@fastify/*', 'ws', 'pino'], zones: ['server', 'electron', 'utility-link', 'scripts', 'bench', 'test'] },
] satisfies { packages: string[]; zones: string[] }[];

// Imports that break a zone today, each waiting on named work. Remove a line when its
// import goes; a new break belongs in the code, not here.
// None today (issue #17 took the last ones away); kept so a break has one place to be named.
const zoneExceptions: { files: string[]; mayImport: string[] }[] = [];

const appFolders = ['common', 'db', 'main', 'renderer', 'preload'];
const sourceFiles = ['**/*.{ts,tsx,mts,cts}'];
const testFiles = ['**/*.test.{ts,tsx}', 'test/**'];
const zoneNames = zones.map((z) => z.zone);
const otherZones = (allowed: readonly string[]) => (allowed.includes('*') ? zoneNames : allowed);

export default defineConfig(
  { ignores: ['node_modules/', 'out/', 'dist/', 'build/', 'resources/', 'test-results/', 'playwright-report/', '.vitest-results.json'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // `satisfies` first: an `as` on an object literal hides a missing or misspelt field.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // An async function without await is how a synchronous implementation meets a
      // Promise-returning port (a fake printer, a report port); what matters is that callers
      // await, which no-floating-promises checks.
      '@typescript-eslint/require-await': 'off',
      // `find(...) ?? fail(...)` is how the core asserts that a row exists.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true }],
    },
  },
  {
    // Tests read JSON answers, use expect.any() and fake library objects; typing every probe
    // adds noise, not safety.
    files: [...testFiles, 'test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // A test server's async handler may reject: Vitest fails the run on an unhandled rejection.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Application code: one style for every file the app ships.
    files: appFolders.map((f) => `${f}/**`),
    ignores: testFiles,
    rules: {
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'No enum: use a union of string literals (docs/contributing.md).' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only: a default export renames freely and greps badly.' },
      ],
    },
  },
  {
    files: sourceFiles,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': zones.map((z) => ({ type: z.zone, pattern: z.folder })),
      'boundaries/include': zones.map((z) => `${z.folder}/**`),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [
            // Packages are free unless a package owner below says otherwise; core and node: too.
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            ...zones.map((z) => ({
              from: { element: { type: z.zone } },
              allow: { to: { element: { types: { anyOf: [z.zone, ...otherZones(z.mayImport)] } } } },
            })),
            ...zones
              .filter((z) => 'mayImportTypes' in z)
              .map((z) => ({
                from: { element: { type: z.zone } },
                allow: { to: { element: { types: { anyOf: z.mayImportTypes ?? [] } } }, dependency: { kind: 'type' } },
              })),
            // Tests beside the code share the helpers under test/.
            { from: { file: { path: testFiles.map((f) => `**/${f}`) } }, allow: { to: { element: { type: 'test' } } } },
            ...zoneExceptions.map((e) => ({
              from: { file: { path: e.files.map((f) => `**/${f}`) } },
              allow: { to: { element: { types: { anyOf: e.mayImport } } } },
            })),
            ...packageOwners.map((o) => ({
              from: { element: { types: { noneOf: o.zones } } },
              disallow: { to: { module: { origin: 'external', source: o.packages } } },
              message: `${o.packages.join(', ')}: only ${o.zones.map(folderOf).join(', ')} may import this (docs/contributing.md)`,
            })),
            // The screens run in a browser sandbox: Node's own modules are not there.
            {
              from: { element: { type: 'renderer' } },
              disallow: { to: { module: { origin: 'core' } } },
              message: 'renderer/ runs in the browser: no Node modules (docs/contributing.md)',
            },
            // common/ runs everywhere, a screen and a sandboxed preload included.
            {
              from: { element: { type: 'common' } },
              disallow: { to: { module: { origin: 'core' } } },
              message: 'common/ runs in every runtime: no Node modules (common/README.md)',
            },
          ],
        },
      ],
    },
  },
  {
    // common/ runs in Node as well as in a screen: no browser globals (tsconfig.common.json,
    // without the DOM's types, says the same at typecheck).
    files: ['common/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location'].map((name) => ({
          name,
          message: 'common/ runs in every runtime: no browser globals (common/README.md)',
        })),
      ],
    },
  },
  {
    // The Electron main process compiles against Electron's own types (tsconfig.electron.json),
    // which the project service would not find: the root tsconfig.json leaves main/electron out.
    // The preloads are bundled, not compiled by tsc: the root tsconfig.json checks them.
    files: ['main/electron/**'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.electron.json' } },
  },
  {
    // No tsconfig compiles the Electron side's tests (tsconfig.electron.json leaves *.test.ts
    // out, tsconfig.json leaves main/electron out), so the typed rules have no types to read.
    files: ['main/electron/**/*.test.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Plain JavaScript has no types for the typed rules to read.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
