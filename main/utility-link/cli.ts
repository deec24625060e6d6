import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { listConnectors } from '../../db/sync.ts';
import { databaseFile, defaultDataDir } from '../shared/data-dir.ts';
import { createSyncService, standaloneSyncDeps } from './service.ts';
import { clockFromOption } from '../shared/clock-option.ts';
import { createSecretBox } from './secret-box.ts';
import { hallSecretKeyFile } from './secret-key-file.ts';

// `npm run sync -- --now [--utility gas] [--data DIR]`: an operator's sync, now, of one utility
// or every enabled one, against the hall database in the data folder. Progress goes to stderr,
// one line per step; the exit code is 0 when every run succeeded, 1 when one failed, 2 on a
// usage error, 4 when a run is already going on elsewhere (the hall server's own night run).
const { values } = parseArgs({
  options: {
    now: { type: 'boolean', default: false },
    utility: { type: 'string' },
    data: { type: 'string' },
    'log-level': { type: 'string', default: process.env.ONEWINDOW_LOG_LEVEL ?? 'warn' },
    // For tests and slow links: the HTTP timeout per request and the retry base (milliseconds).
    'timeout-ms': { type: 'string' },
    'retry-base-ms': { type: 'string' },
    // The same set clock as the hall server it runs beside (docs/time.md).
    'clock-start': { type: 'string' },
    // The hall server's --secret-key, if it was given one (docs/security.md).
    'secret-key': { type: 'string' },
  },
});

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run sync -- --now [--utility gas] [--data DIR]\n`);
  process.exit(2);
}

if (!values.now) usage('nothing to do: pass --now');

const clockOption = clockFromOption(values['clock-start'] ?? process.env.ONEWINDOW_CLOCK_START);
if ('error' in clockOption) usage(clockOption.error);

const dataDir = resolve(values.data ?? process.env.ONEWINDOW_DATA ?? defaultDataDir());
const logger = pino({ level: values['log-level'], base: { service: 'sync' } }, pino.destination(2));
const db = openDatabase(databaseFile(dataDir));
migrate(db);
function secretBox() {
  try {
    return createSecretBox({ keyFile: hallSecretKeyFile({ dataDir, given: values['secret-key'] ?? process.env.ONEWINDOW_SECRET_KEY }).file });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}
const service = createSyncService({
  deps: standaloneSyncDeps(db, logger, clockOption.clock),
  dataDir,
  box: secretBox(),
  timeoutMs: values['timeout-ms'] ? Number(values['timeout-ms']) : undefined,
  retry: values['retry-base-ms'] ? { attempts: 6, baseMs: Number(values['retry-base-ms']), maxMs: 30_000 } : undefined,
  onProgress: (p) => {
    // A bar an operator can read at a glance, with the time left from the pace so far.
    const width = 30;
    const filled = p.total > 0 ? Math.round((Math.min(p.done, p.total) / p.total) * width) : 0;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const left = p.secondsLeft !== null ? ` ~${p.secondsLeft} s left` : '';
    process.stderr.write(
      `${p.utility} ${p.phase} ${bar} ${p.done}/${p.total}${left} accepted ${p.accepted} rejected ${p.rejected} updates ${p.updates}${p.error ? ` error: ${p.error}` : ''}\n`,
    );
  },
});

const enabled = listConnectors(db)
  .filter((c) => c.enabled)
  .map((c) => c.utility);
const utilities = values.utility ? [values.utility] : enabled;
if (values.utility && !enabled.includes(values.utility)) usage(`no enabled connector for "${values.utility}"`);
if (utilities.length === 0) usage("no utility has an enabled connector; set one up on the manager's sync page");

let code = 0;
for (const utility of utilities) {
  const outcome = await service.run(utility, 'cli');
  process.stdout.write(`${JSON.stringify({ utility, ...outcome })}\n`);
  if (outcome.state === 'failed') code = Math.max(code, 1);
  if (outcome.state === 'busy') {
    // Say who holds it, so the operator knows whether to wait (the hall server's night run) or look.
    const [pid, host] = (outcome.holder ?? '').split('@');
    process.stderr.write(
      `${utility}: a sync is already running${outcome.holder ? ` in process ${pid} on ${host}` : ''}${outcome.until ? ` (its lease ends ${outcome.until})` : ''}; try again when it is done\n`,
    );
    code = Math.max(code, 4);
  }
}
closeDatabase(db);
process.exit(code);
