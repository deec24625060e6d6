import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseTooNewError } from '../../db/migrate.ts';
import { defaultDataDir } from './data-dir.ts';
import { startHall } from './hall.ts';

// `npm run hall -- --data DIR --host 0.0.0.0 --port 4720`: the headless hall server.
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: process.env.ONEWINDOW_PORT ?? '4720' },
    'backup-dir': { type: 'string' },
    'backup-keep': { type: 'string', default: '14' },
    'log-level': { type: 'string', default: process.env.ONEWINDOW_LOG_LEVEL ?? 'info' },
  },
});

const root = resolve(fileURLToPath(import.meta.url), '../../..');

try {
  const hall = await startHall({
    dataDir: resolve(values.data ?? process.env.ONEWINDOW_DATA ?? defaultDataDir()),
    host: values.host,
    port: Number(values.port),
    rendererDir: resolve(root, 'dist/renderer'),
    backupDir: values['backup-dir'],
    backupKeep: Number(values['backup-keep']),
    logLevel: values['log-level'],
  });
  // A plain line scripts and tests can wait for, besides the structured log.
  process.stdout.write(`OneWindow hall server listening on ${hall.url}\n`);
  const stop = () => {
    hall.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof DatabaseTooNewError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(3);
  }
  throw error;
}
