// `npm test`: typecheck (the app with the preloads, main/electron against Electron's own
// types, common/ without DOM or Node types), lint (ESLint, then knip), Vitest, the renderer
// build, then Playwright in Debian's Chromium against the real hall server. Ends with one line
// CI reads: "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(title, command, args) {
  const ok = run(title, command, args);
  counts[ok ? 'passed' : 'failed'] += 1;
  return ok;
}

step('typecheck: app', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck: main/electron against Electron types', bin('tsc'), ['-p', 'tsconfig.electron.json', '--noEmit']);
step('typecheck: common/ without DOM or Node types', bin('tsc'), ['-p', 'tsconfig.common.json', '--noEmit']);
// The same three commands as `npm run lint`, each counted: a lint failure fails the run.
step('lint: ESLint (typed rules, import zones)', bin('eslint'), ['.']);
step('lint: knip (unused files, exports, dependencies)', bin('knip'), []);
step('lint: Prettier (one format, 160 columns)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);

const vitestJson = join(root, '.vitest-results.json');
rmSync(vitestJson, { force: true });
const vitestOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
  counts.skipped += r.numPendingTests + r.numTodoTests;
  // A suite that failed to load has no tests to count but is a failure all the same.
  if (!vitestOk && r.numFailedTests === 0) counts.failed += Math.max(1, r.numFailedTestSuites);
} else {
  counts.failed += 1;
}

if (step('build: renderer', bin('vite'), ['build', '--logLevel', 'warn'])) {
  const playwrightJson = join(root, '.playwright-results.json');
  rmSync(playwrightJson, { force: true });
  const e2eOk = run('playwright (Chromium)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  if (existsSync(playwrightJson)) {
    const { stats } = JSON.parse(readFileSync(playwrightJson, 'utf8'));
    counts.passed += stats.expected + stats.flaky;
    counts.failed += stats.unexpected;
    counts.skipped += stats.skipped;
    if (!e2eOk && stats.unexpected === 0) counts.failed += 1;
  } else {
    counts.failed += 1;
  }
}

process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exit(counts.failed > 0 ? 1 : 0);
