import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { startHall } from '../../main/server/hall.ts';

// `node bench/children/busy-hall.ts <dataDir> <backupDir>`: the real hall (startHall, as
// main/server/cli.ts starts it) with an event loop monitor in its own process, for hall.busy.
// Prints "busy hall listening on URL"; then on stdin `reset` starts a new window and `stall`
// prints {"maxMs","p99Ms","meanMs"} of the loop's delays since the last reset, one JSON line.
const [dataDir, backupDir] = process.argv.slice(2);
if (!dataDir || !backupDir) throw new Error('usage: busy-hall.ts <dataDir> <backupDir>');

/**
 * The monitor's timer fires every RESOLUTION_MS; what it records is the time between two
 * firings, so an idle loop reads RESOLUTION_MS and a stall reads its length plus that.
 */
const RESOLUTION_MS = 5;

const hall = await startHall({ dataDir, backupDir, port: 0, logLevel: 'warn' });
const monitor = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
monitor.enable();
process.stdout.write(`busy hall listening on ${hall.url}\n`);

const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reset') {
    monitor.reset();
    process.stdout.write(`${JSON.stringify({ reset: true })}\n`);
  } else if (line === 'stall') {
    process.stdout.write(
      `${JSON.stringify({ maxMs: ms(monitor.max), p99Ms: ms(monitor.percentile(99)), meanMs: ms(monitor.mean), samples: monitor.count })}\n`,
    );
  }
});

const stop = () => {
  monitor.disable();
  setTimeout(() => process.exit(1), 15_000).unref();
  hall.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
