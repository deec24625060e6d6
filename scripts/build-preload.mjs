// `npm run build:electron` (after tsc): each preload bundled into one CommonJS file,
// out/preload/<name>.cjs. A sandboxed preload may require only 'electron', never a file of
// ours, so what it imports from common/ (the IPC channel names) is written into it; a
// separate build per preload keeps any shared piece from becoming a chunk it would require.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '..');
// A test builds into a folder of its own (test/integration/preload-bundle.test.ts).
const outDir = process.argv[2] ?? join(root, 'out', 'preload');
const preloads = ['index', 'client-print', 'unlock-prompt'];

rmSync(outDir, { recursive: true, force: true });
for (const name of preloads) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      // Electron 45's Chromium and Node run it; nothing to lower.
      target: 'es2023',
      lib: { entry: join(root, 'preload', `${name}.ts`), formats: ['cjs'], fileName: () => `${name}.cjs` },
      rolldownOptions: { external: ['electron'] },
    },
  });
}
