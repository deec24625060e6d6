import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// `node bench/children/disk-writer.ts <file> <MB>`: another program writing to the hall's disk
// (hall.busy): MB megabytes in 4 MB chunks, each forced to the disk (fsync) before the next,
// as an installer, a log shipper or a second backup would. Prints {mb, ms}; removes the file.
const [file, mbArg] = process.argv.slice(2);
const mb = Number(mbArg);
if (!file || !Number.isFinite(mb) || mb <= 0) throw new Error('usage: disk-writer.ts <file> <MB>');
const CHUNK = 4 * 2 ** 20;
// Random-looking bytes, so a compressing file system cannot skip the work.
const chunk = Buffer.alloc(CHUNK);
for (let i = 0; i < CHUNK; i += 4) chunk.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 7)) >>> 0, i);
const started = performance.now();
const fd = openSync(file, 'w', 0o600);
try {
  for (let written = 0; written < mb * 2 ** 20; written += CHUNK) {
    writeSync(fd, chunk);
    fsyncSync(fd);
  }
} finally {
  closeSync(fd);
  rmSync(file, { force: true });
}
process.stdout.write(`${JSON.stringify({ mb, ms: performance.now() - started })}\n`);
