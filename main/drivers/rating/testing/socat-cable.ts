import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A serial cable made of socat: two pseudo-terminals wired together, reached through two
 * fixed link names. Killing socat is an unplug (both ends get an error and the links go);
 * plugIn() again makes new ptys behind the same link names, as a replugged USB adapter
 * reappears at the same /dev/serial/by-id path. For tests and benches only.
 */
export type SocatCable = {
  /** The end the driver opens (the hall PC's port). */
  hostPath: string;
  /** The end the fake device opens. */
  devicePath: string;
  plugIn: () => Promise<void>;
  unplug: () => Promise<void>;
  /** Unplugs and removes the folder of the links. */
  dispose: () => Promise<void>;
};

/** Plugged in at once unless `plugged: false` (a device that is not there when the app starts). */
export async function createSocatCable(options: { plugged?: boolean } = {}): Promise<SocatCable> {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-rating-'));
  const hostPath = join(dir, 'host');
  const devicePath = join(dir, 'device');
  let child: ChildProcess | undefined;

  const plugIn = () =>
    new Promise<void>((resolve, reject) => {
      if (child) return resolve();
      const started = spawn(process.env.SOCAT ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      const timer = setTimeout(() => {
        started.kill('SIGKILL');
        reject(new Error(`socat did not start within 5 s: ${stderr}`));
      }, 5_000);
      started.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot run socat (${error.message}): apt-get install socat`));
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        if (child === started) child = undefined;
        reject(new Error(`socat exited (${code}): ${stderr}`));
      });
      started.stderr?.setEncoding('utf8').on('data', (text: string) => {
        stderr += text;
        // Logged once both ptys and their links exist.
        if (/starting data transfer loop/.test(stderr)) {
          clearTimeout(timer);
          child = started;
          resolve();
        }
      });
    });

  const unplug = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill('SIGTERM');
    await exited;
  };

  if (options.plugged ?? true) await plugIn();
  return {
    hostPath,
    devicePath,
    plugIn,
    unplug,
    async dispose() {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
