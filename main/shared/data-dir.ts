import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for
 * "OneWindow", so the headless hall server and the desktop app find the same database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'OneWindow');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'OneWindow');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'OneWindow');
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'onewindow.db');
