import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { meetsTarget, parseTarget } from '../bench/lib/target.ts';
import { cases } from '../bench/registry.ts';
import type { BenchContext } from '../bench/types.ts';

// `npm run bench [-- --only PREFIX]`: one JSON line per result on stdout
// ({"name","value","unit","target","baseline","met"}), progress on stderr. See docs/bench.md.
const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    list: { type: 'boolean', default: false },
  },
});

const log = (message: string) => process.stderr.write(`${message}\n`);

const seen = new Set<string>();
for (const c of cases) {
  if (seen.has(c.name)) throw new Error(`two bench cases are named ${c.name}`);
  seen.add(c.name);
  parseTarget(c.target);
}

const prefixes = values.only ?? [];
const selected = cases.filter((c) => prefixes.length === 0 || prefixes.some((p) => c.name.startsWith(p)));

if (values.list) {
  for (const c of selected) log(`${c.name}  (${c.unit}, target ${c.target})`);
  process.exit(0);
}
if (selected.length === 0) {
  log(`no bench case matches ${prefixes.map((p) => `"${p}"`).join(', ')}; cases: ${cases.map((c) => c.name).join(', ')}`);
  process.exit(2);
}

const runs = Number(process.env.ONEWINDOW_BENCH_RUNS ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`ONEWINDOW_BENCH_RUNS must be a positive integer`);

const ctx: BenchContext = {
  root: resolve(fileURLToPath(import.meta.url), '../..'),
  cacheDir: resolve(process.env.ONEWINDOW_BENCH_CACHE ?? join(tmpdir(), 'onewindow-bench')),
  runs,
  log,
  env: process.env,
};

let failed = 0;
for (const c of selected) {
  log(`${c.name}: running (target ${c.target} ${c.unit})`);
  try {
    const { value, baseline } = await c.run(ctx);
    const met = meetsTarget(value, c.target);
    process.stdout.write(`${JSON.stringify({ name: c.name, value, unit: c.unit, target: c.target, baseline, met })}\n`);
    log(`${c.name}: ${value} ${c.unit} (baseline ${baseline} ${c.unit}, target ${c.target}) ${met ? 'met' : 'MISSED'}`);
  } catch (error) {
    failed++;
    log(`${c.name}: FAILED\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
// A missed target is a result, not a failure; only a case that could not run fails the run.
process.exit(failed > 0 ? 1 : 0);
