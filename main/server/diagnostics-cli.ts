import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.ts';
import { buildDiagnosticsZip } from './diagnostics/diagnostics-zip.ts';
import { readHallFacts } from './diagnostics/hall-facts.ts';
import { runtimeVersions } from './diagnostics/versions.ts';
import { databaseFile, defaultDataDir } from '../shared/data-dir.ts';
import { parseJson } from '../shared/json.ts';

// `npm run diagnostics -- --data DIR --out FILE [--logs DIR]`: the headless hall's 导出诊断信息,
// a zip for support without personal data. --logs is where the hall's log files are kept
// (default <data>/logs); the database is only read.
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    logs: { type: 'string' },
  },
});
if (!values.out) {
  process.stderr.write('usage: npm run diagnostics -- --data DIR --out FILE.zip [--logs DIR]\n');
  process.exit(2);
}
const dataDir = resolve(values.data ?? process.env.ONEWINDOW_DATA ?? defaultDataDir());
const logsDir = resolve(values.logs ?? join(dataDir, 'logs'));
const logFiles = existsSync(logsDir)
  ? readdirSync(logsDir)
      .filter((name) => /\.log(\.\d+)?$/.test(name))
      .map((name) => join(logsDir, name))
  : [];
const settingsFile = join(dataDir, 'settings.json');
const zip = buildDiagnosticsZip({
  logFiles,
  versions: runtimeVersions(),
  settings: existsSync(settingsFile) ? parseJson(readFileSync(settingsFile, 'utf8')) : undefined,
  hall: existsSync(databaseFile(dataDir)) ? readHallFacts(databaseFile(dataDir)) : undefined,
  at: systemClock.now(),
});
writeFileSync(resolve(values.out), zip, { mode: 0o600 });
process.stdout.write(`Diagnostics written to ${resolve(values.out)} (${logFiles.length} log files; no personal data)\n`);
