import { busyFixture } from '../fixtures/busy-db.ts';
import { hallFixture } from '../fixtures/hall-db.ts';
import { syncFixture } from '../fixtures/sync-db.ts';
import type { BenchContext } from '../types.ts';

// `node bench/children/build-fixture.ts <kind> <cacheDir> [arg]`: builds (or finds) a cached
// fixture in a process of its own, so the bench's parent never holds a large build's memory,
// and prints the fixture as one JSON line on stdout; progress goes to stderr.
const [kind, cacheDir, arg] = process.argv.slice(2);
if (!kind || !cacheDir) throw new Error('usage: build-fixture.ts <kind> <cacheDir> [arg]');
const ctx: BenchContext = {
  root: process.cwd(),
  cacheDir,
  runs: 1,
  log: (message) => process.stderr.write(`${message}\n`),
  env: process.env,
};
const builders: Record<string, () => Promise<unknown>> = {
  hall: () => hallFixture(ctx, Number(arg)),
  sync: () => syncFixture(ctx, Number(arg)),
  busy: async () => busyFixture(ctx, Number(arg)),
};
const build = builders[kind];
if (!build) throw new Error(`no fixture kind "${kind}"; kinds: ${Object.keys(builders).join(', ')}`);
process.stdout.write(`${JSON.stringify(await build())}\n`);
