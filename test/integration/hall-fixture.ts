import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../../main/core/api/errors.ts';
import type { DeviceRoleName, StaffRoleName } from '../../main/core/api/roles.ts';
import { type HallOptions, type RunningHall, startHall, startHallInProcess } from '../../main/server/hall.ts';
import type { Core } from '../../main/core/create-core.ts';
import { runningClock } from '../../main/core/clock.ts';
import { secretKeyFile } from '../../main/utility-link/secret-box.ts';

/**
 * Integration halls run on a pinned hall clock (Wednesday 25 November 2026, 10:00 in Shanghai,
 * inside every category's default hours) so no test depends on the day or hour CI runs at.
 */
export const TEST_HALL_START = '2026-11-25T02:00:00.000Z';

/** Meets the password rules (8+ characters, a letter and a digit); every test account uses it. */
export const PASSWORD = 'Passw0rd-test';

/** The pinned hall clock of a hall started by a test itself (startHall, not startTestHall). */
export const testHallClock = () => runningClock(new Date(TEST_HALL_START));

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'onewindow-it-'));

export type TestHall = RunningHall & { dataDir: string; stop: () => Promise<void> };

type TestHallOptions = Pick<HallOptions, 'pushTiming' | 'printer' | 'publicUrl' | 'voicePackDir' | 'clock'>;

/** A real hall on an ephemeral port over a fresh SQLite file, its core in its own thread as in production; stop() also removes the folder. */
export function startTestHall(options: TestHallOptions = {}): Promise<TestHall> {
  return startIn(startHall, options);
}

/** The same with the core in the test's own thread, for tests that seed or read its database directly. */
export function startInProcessTestHall(options: TestHallOptions = {}): Promise<TestHall & { core: Core }> {
  return startIn(startHallInProcess, options);
}

async function startIn<H extends RunningHall>(start: (options: HallOptions) => Promise<H>, options: TestHallOptions): Promise<H & TestHall> {
  const dataDir = tempDataDir();
  const hall = await start({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock(), ...options });
  return {
    ...hall,
    dataDir,
    async stop() {
      await hall.close();
      rmSync(dataDir, { recursive: true, force: true });
      // The secrets' key lives beside the data folder, never in it (secret-key-file.ts).
      rmSync(secretKeyFile(dataDir), { force: true });
    },
  };
}

export type ApiResponse<T = unknown> = { status: number; contentType: string; body: Result<T> };

/** One API call over HTTP, the way the renderer makes it. */
export async function post<T = unknown>(baseUrl: string, method: string, input: unknown, token?: string): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (await response.json()) as Result<T> };
}

/** Like post() but for the set-up steps of a test: anything but ok:true is a broken fixture. */
export async function postOk<T>(baseUrl: string, method: string, input: unknown, token?: string): Promise<T> {
  const { status, body } = await post<T>(baseUrl, method, input, token);
  if (!body.ok) throw new Error(`${method} failed with ${status}: ${JSON.stringify(body.error)}`);
  return body.value;
}

let workNoCounter = 0;
/** Work numbers unique within a test file, so accounts never collide. */
export const nextWorkNo = (prefix = 'T'): string => `${prefix}${String(++workNoCounter).padStart(4, '0')}`;

export type Account = { workNo: string; password: string };

/** Runs first-time setup; the administrator it creates holds the admin and manager roles. */
export async function createAdmin(baseUrl: string, workNo = 'A0001'): Promise<Account> {
  await postOk(baseUrl, 'setup/createAdmin', { hallName: 'Test hall', workNo, name: 'Admin', password: PASSWORD });
  return { workNo, password: PASSWORD };
}

export async function login(baseUrl: string, account: Account): Promise<string> {
  const { token } = await postOk<{ token: string }>(baseUrl, 'auth/login', account);
  return token;
}

/** Creates a staff account holding exactly `roles` and logs it in. */
export async function createStaff(baseUrl: string, adminToken: string, roles: StaffRoleName[]): Promise<Account & { id: number; token: string }> {
  const workNo = nextWorkNo();
  const { id } = await postOk<{ id: number }>(baseUrl, 'staff/create', { workNo, name: `Staff ${workNo}`, password: PASSWORD, roles }, adminToken);
  const account = { workNo, password: PASSWORD };
  return { ...account, id, token: await login(baseUrl, account) };
}

/** Pairs a screen the way a manager does: issue a code, then the screen trades it for a token. */
export async function pairDevice(baseUrl: string, managerToken: string, role: DeviceRoleName): Promise<{ deviceId: number; token: string }> {
  const { code } = await postOk<{ code: string }>(baseUrl, 'devices/issuePairingCode', { role, name: `${role} screen` }, managerToken);
  const { token, device } = await postOk<{ token: string; device: { id: number } }>(baseUrl, 'devices/pair', { code });
  return { deviceId: device.id, token };
}

export const cliPath = resolve(fileURLToPath(import.meta.url), '../../../main/server/cli.ts');

export type CliHall = {
  url: string;
  child: ChildProcess;
  /** Settles when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops it gracefully (SIGTERM) unless it is already gone. */
  stop: () => Promise<void>;
};

/** Runs the real `node main/server/cli.ts` (with any `extraArgs`) and waits for its listening line. */
export async function spawnCliHall(dataDir: string, timeoutMs = 15_000, extraArgs: string[] = []): Promise<CliHall> {
  // The same pinned hall clock as startTestHall, through the flag a training hall would use.
  const child = spawn(process.execPath, [cliPath, '--data', dataDir, '--port', '0', '--log-level', 'warn', '--clock-start', TEST_HALL_START, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((done, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`hall CLI did not report listening within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /OneWindow hall server listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      failed(new Error(`hall CLI exited (code ${code}, signal ${signal}) before listening; stderr: ${stderr}`));
    });
  });
  return {
    url,
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
