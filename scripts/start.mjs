// `npm start`: builds what is missing and launches the desktop app. Without the Electron
// binary it says so and points to `npm run hall`, instead of letting `electron` download it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The binary node_modules/electron would run, found without loading the electron package (which downloads it when missing). */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  if (!relative) return undefined;
  const executable = join(root, 'node_modules', 'electron', 'dist', relative);
  return existsSync(executable) ? executable : undefined;
}

function run(label, script, args) {
  process.stdout.write(`${label}\n`);
  const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

const electron = electronBinary();
if (!electron) {
  process.stderr.write(
    [
      'The Electron binary is not installed (node_modules/electron/dist is missing), so the desktop app cannot start.',
      'Install it with `npx install-electron` where downloads are possible, or run the hall server headless',
      'and open its screens in a browser instead:',
      '',
      '    npm run hall        then open http://127.0.0.1:4720/counter',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) run('Building the renderer (vite build)…', 'node_modules/vite/bin/vite.js', ['build']);
run('Compiling the main process (tsc -p tsconfig.electron.json)…', 'node_modules/@typescript/native/bin/tsc', ['-p', 'tsconfig.electron.json']);
run('Bundling the preloads (scripts/build-preload.mjs)…', 'scripts/build-preload.mjs', []);

for (const file of ['out/main/electron/main.js', 'out/main/electron/hall-utility.js', 'out/preload/index.cjs']) {
  if (!existsSync(join(root, file))) {
    process.stderr.write(`${file} is missing after compiling; check tsconfig.electron.json and scripts/build-preload.mjs.\n`);
    process.exit(1);
  }
}

const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
