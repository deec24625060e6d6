import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Stand-ins for real printers, made of socat: a raw TCP listener that writes what it
 * receives to a file (a network printer on port 9100), and a pseudo-terminal pair (a
 * serial cable). For tests only: nothing in the app imports this.
 */

const socatPath = process.env.SOCAT ?? 'socat';

/** Starts socat and resolves once its debug output (-d -d) shows `ready`. */
function startSocat(args: string[], ready: RegExp, timeoutMs = 5_000): Promise<ChildProcess> {
  const child = spawn(socatPath, ['-d', '-d', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`socat did not get ready within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run socat (${error.message}): install it (apt-get install socat)`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited (${code}) before it was ready: ${stderr}`));
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (ready.test(stderr)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
  });
}

const stopSocat = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
};

/** True when nothing listens on 127.0.0.1:port, so the test may take it. */
const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => resolve(true)));
  });

/** A port nothing listens on now: the kernel's pick, released again. */
export const unusedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

export type TcpCapture = {
  port: number;
  /** Everything received so far, all connections appended in order. */
  received: () => Buffer;
  /** Waits until `done(received())` holds. */
  waitFor: (done: (bytes: Buffer) => boolean, timeoutMs?: number) => Promise<Buffer>;
  stop: () => Promise<void>;
};

/**
 * `socat -u TCP-LISTEN:<port>,bind=127.0.0.1,reuseaddr OPEN:<file>,creat,append`, on
 * 9100 when that is free and on another free port otherwise. With `fork` it takes
 * any number of jobs, as a printer does.
 */
export async function startTcpCapture(options: { preferPort?: number } = {}): Promise<TcpCapture> {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-printer-'));
  const file = join(dir, 'received.bin');
  const preferred = options.preferPort ?? 9100;
  const listen = (port: number) => startSocat(['-u', `TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, `OPEN:${file},creat,append`], /listening on/);
  // Another test file may take 9100 between the check and socat's bind: then any free port will do.
  let port = (await portIsFree(preferred)) ? preferred : await unusedPort();
  const child = await listen(port).catch(async () => listen((port = await unusedPort())));
  const received = () => {
    try {
      return readFileSync(file);
    } catch {
      return Buffer.alloc(0);
    }
  };
  return {
    port,
    received,
    async waitFor(done, timeoutMs = 5_000) {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const bytes = received();
        if (done(bytes)) return bytes;
        if (performance.now() > until)
          throw new Error(`the socat listener on ${port} did not receive the expected bytes within ${timeoutMs} ms (got ${bytes.length})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      await stopSocat(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PtyPair = { a: string; b: string; stop: () => Promise<void> };

/** `socat pty,raw,echo=0,link=a pty,raw,echo=0,link=b`: two serial ports wired to each other. */
export async function startPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-serial-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const child = await startSocat([`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], /starting data transfer loop/);
  return {
    a,
    b,
    async stop() {
      await stopSocat(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
