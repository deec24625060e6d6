import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDiagnosticsZip } from '../diagnostics/diagnostics-zip.ts';
import { readHallFacts } from '../diagnostics/hall-facts.ts';
import { runtimeVersions } from '../diagnostics/versions.ts';
import { databaseFile } from '../../shared/data-dir.ts';
import { parseJson } from '../../shared/json.ts';

/** The log files worth sending: newest first, as many whole files as fit in `limitBytes` (all without a limit). */
export function newestLogs(logsDir: string, limitBytes?: number): { kept: string[]; leftOut: number } {
  const files = existsSync(logsDir)
    ? readdirSync(logsDir)
        .filter((n) => /\.log(\.\d+)?$/.test(n))
        .map((n) => ({ file: join(logsDir, n), stat: statSync(join(logsDir, n)) }))
        .filter((f) => f.stat.isFile())
        .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
    : [];
  if (limitBytes === undefined) return { kept: files.map((f) => f.file), leftOut: 0 };
  const kept: string[] = [];
  let total = 0;
  // Whole files only, newest first: once one does not fit, the older ones are older still.
  for (const f of files) {
    if (total + f.stat.size > limitBytes) break;
    kept.push(f.file);
    total += f.stat.size;
  }
  return { kept, leftOut: files.length - kept.length };
}

/**
 * The hall's 导出诊断信息 from its data folder (logs/, settings.json, the database's schema and
 * devices), as GET /api/diagnostics.zip and the diagnostics/export method send it.
 */
export function hallDiagnostics(options: { dataDir: string; hallVersion: string; now: Date; logLimitBytes?: number }): {
  zip: Uint8Array;
  fileName: string;
  logFiles: number;
  logFilesLeftOut: number;
} {
  const { kept, leftOut } = newestLogs(join(options.dataDir, 'logs'), options.logLimitBytes);
  const settingsFile = join(options.dataDir, 'settings.json');
  const zip = buildDiagnosticsZip({
    logFiles: kept,
    versions: runtimeVersions({ app: options.hallVersion }),
    settings: existsSync(settingsFile) ? parseJson(readFileSync(settingsFile, 'utf8')) : undefined,
    hall: readHallFacts(databaseFile(options.dataDir)),
    at: options.now,
  });
  return { zip, fileName: `onewindow-diagnostics-${options.now.toISOString().slice(0, 10)}.zip`, logFiles: kept.length, logFilesLeftOut: leftOut };
}
