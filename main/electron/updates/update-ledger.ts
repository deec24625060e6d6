import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The desktop app's book of updates (<userData>/update-state.json): which installers it keeps
 * (the way back), the version being installed and how many of its starts failed, and the
 * versions known bad. A new version that does not report healthy on `maxFailedStarts` starts in
 * a row is marked bad and the previous installer runs again; a bad version is never installed.
 */
const stateSchema = z.object({
  kept: z.array(z.object({ version: z.string(), file: z.string() })).default([]),
  installing: z
    .object({
      version: z.string(),
      previous: z.string(),
      at: z.string(),
      /** Starts of the new version that have not (yet) reported healthy. */
      starts: z.number().int().default(0),
      /** Set once the previous installer was started to undo this one. */
      rollingBack: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  bad: z.array(z.string()).default([]),
});
export type UpdateState = z.output<typeof stateSchema>;

export const emptyUpdateState = (): UpdateState => ({ kept: [], installing: null, bad: [] });

/** A missing or unreadable book starts empty: the worst that loses is one rollback. */
export function readUpdateState(file: string): UpdateState {
  try {
    return stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return emptyUpdateState();
  }
}

/** Written whole and renamed into place, so a crash mid-write leaves the previous book. */
export function writeUpdateState(file: string, state: UpdateState): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Installers kept: the running version's and the newest downloaded; older ones can go. */
export function keepInstaller(state: UpdateState, entry: { version: string; file: string }, running: string): { state: UpdateState; drop: string[] } {
  const all = [...state.kept.filter((k) => k.version !== entry.version), entry];
  const kept = all.filter((k) => k.version === running || k.version === entry.version);
  return { state: { ...state, kept }, drop: all.filter((k) => !kept.includes(k)).map((k) => k.file) };
}

export function beginInstall(state: UpdateState, install: { version: string; previous: string; at: string }): UpdateState {
  return { ...state, installing: { ...install, starts: 0, rollingBack: false } };
}

export type StartDecision =
  /** Nothing to watch. */
  | { action: 'normal' }
  /** The new version's start: report healthy within the time allowed, or this start counts as failed. */
  | { action: 'trial'; version: string; start: number }
  /** The new version failed too often: it is marked bad; run the previous installer (null: none kept). */
  | { action: 'rollback'; bad: string; previous: string; installer: string | null }
  /** The previous version is back after a rollback. */
  | { action: 'rolled_back'; bad: string; running: string }
  /** The installer did not replace the version it was meant to (cancelled, failed): nothing changed. */
  | { action: 'install_missed'; version: string; running: string };

/** What a start of version `running` means for an update in progress. */
export function decideAtStart(state: UpdateState, running: string, maxFailedStarts = 2): { state: UpdateState; decision: StartDecision } {
  const installing = state.installing;
  if (!installing) return { state, decision: { action: 'normal' } };
  if (installing.version !== running) {
    const cleared = { ...state, installing: null };
    if (installing.rollingBack && running === installing.previous)
      return { state: cleared, decision: { action: 'rolled_back', bad: installing.version, running } };
    if (installing.rollingBack) {
      // Not back on the previous version yet: still the new one's trouble, keep waiting for the installer.
      return { state, decision: { action: 'normal' } };
    }
    return { state: cleared, decision: { action: 'install_missed', version: installing.version, running } };
  }
  if (installing.starts >= maxFailedStarts) {
    const installer = state.kept.find((k) => k.version === installing.previous)?.file ?? null;
    const bad = state.bad.includes(running) ? state.bad : [...state.bad, running];
    return {
      state: { ...state, bad, installing: { ...installing, rollingBack: true } },
      decision: { action: 'rollback', bad: running, previous: installing.previous, installer },
    };
  }
  const start = installing.starts + 1;
  return { state: { ...state, installing: { ...installing, starts: start } }, decision: { action: 'trial', version: running, start } };
}

/** The new version reported healthy: the update is done. */
export function markHealthy(state: UpdateState, running: string): UpdateState {
  if (state.installing?.version !== running) return state;
  return { ...state, installing: null };
}

export type RollbackRun =
  | { kind: 'spawn'; command: string; args: string[] }
  /** An AppImage is one file: the previous one is copied over it, then the app relaunches. */
  | { kind: 'replace'; source: string; target: string };

/** How the previous installer is run on this platform: silently, starting the app again afterwards. */
export function rollbackRun(platform: NodeJS.Platform, installer: string, env: NodeJS.ProcessEnv): RollbackRun {
  if (platform === 'win32') return { kind: 'spawn', command: installer, args: ['/S', '--force-run'] };
  if (env.APPIMAGE) return { kind: 'replace', source: installer, target: env.APPIMAGE };
  // A .deb: the same way electron-updater installs one (pkexec asks the desktop's policy agent).
  return { kind: 'spawn', command: 'pkexec', args: ['dpkg', '-i', installer] };
}
