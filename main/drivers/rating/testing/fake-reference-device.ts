import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';
import { encodeFrame } from '../command-encoder.ts';
import { createFrameParser, type Frame } from '../frame-parser.ts';
import { type CommandName, commandNames, type SerialProfile } from '../../../../common/rating-profile/profile.ts';

/**
 * A scripted keypad speaking the reference protocol on the far end of a socat cable,
 * through serialport like the real driver: it answers polls, and when invited presses the
 * key its script says. For tests and benches only: nothing in the app imports this.
 */
export type FakeDeviceScript = {
  /** Answer each poll with status ok; false plays a device that has gone quiet. */
  answerPolls: boolean;
  /** What the customer does when invited. */
  onInvite: (timeoutSeconds: number) => { key: number; afterMs?: number } | 'timeout' | 'ignore';
};

export type ReceivedCommand = { name: CommandName | 'unknown'; frame: Frame; text: string };

export type FakeDevice = {
  script: FakeDeviceScript;
  readonly received: readonly ReceivedCommand[];
  /** performance.now() just before the last key frame was written: where a keypress starts. */
  readonly keySentAt: number | undefined;
  /** Sends any frame, as the device would. */
  send: (command: number, data?: readonly number[]) => Promise<void>;
  /** Puts raw bytes on the line: noise, a corrupted frame, another device's frame. */
  writeRaw: (bytes: readonly number[]) => Promise<void>;
  /** Waits until a command with this name has arrived `count` times in all. */
  waitFor: (name: CommandName, count?: number, timeoutMs?: number) => Promise<void>;
  /** Opens the port again after the cable was replugged. */
  reopen: () => Promise<void>;
  close: () => Promise<void>;
};

/** The reference protocol's device → host command bytes (docs/devices.md). */
const keyPressed = 0x20;
const timedOut = 0x21;
const status = 0x2f;

export async function openFakeReferenceDevice(options: {
  path: string;
  profile: SerialProfile;
  address?: number;
  script: FakeDeviceScript;
}): Promise<FakeDevice> {
  const { path, profile } = options;
  const address = options.address ?? 1;
  const received: ReceivedCommand[] = [];
  const waiters = new Set<() => void>();
  let port: SerialPort | undefined;
  let keySentAt: number | undefined;

  const nameOf = (command: number): CommandName | 'unknown' => commandNames.find((name) => profile.commands[name]?.cmd === command) ?? 'unknown';

  const writeRaw = (bytes: Uint8Array | readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      if (!port?.isOpen) return reject(new Error('the fake device is not connected'));
      port.write(Buffer.from(bytes), (error) => (error ? reject(error) : resolve()));
    });

  const send = (command: number, data: readonly number[] = []) => {
    const bytes = encodeFrame(profile.frame, address, command, Uint8Array.from(data));
    if (command === keyPressed) keySentAt = performance.now();
    return writeRaw(bytes);
  };

  const fake: FakeDevice = {
    script: options.script,
    received,
    get keySentAt() {
      return keySentAt;
    },
    send,
    writeRaw,
    waitFor(name, count = 1, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.filter((command) => command.name === name).length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the fake device did not receive "${name}" ×${count} within ${timeoutMs} ms (got ${received.map((c) => c.name).join(', ')})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async reopen() {
      await fake.close();
      await open();
    },
    close: () =>
      new Promise<void>((resolve) => {
        const closing = port;
        port = undefined;
        if (!closing?.isOpen) return resolve();
        closing.close(() => resolve());
      }),
  };

  const onCommand = (frame: Frame) => {
    if (frame.address !== address) return;
    const name = nameOf(frame.command);
    received.push({ name, frame, text: new TextDecoder().decode(frame.data) });
    for (const waiter of [...waiters]) waiter();
    if (name === 'poll' && fake.script.answerPolls) void send(status, [0]).catch(() => undefined);
    if (name !== 'invite') return;
    const answer = fake.script.onInvite(frame.data[0] ?? 0);
    if (answer === 'ignore') return;
    if (answer === 'timeout') return void send(timedOut).catch(() => undefined);
    const press = () => void send(keyPressed, [answer.key]).catch(() => undefined);
    if (answer.afterMs) setTimeout(press, answer.afterMs);
    else press();
  };

  const open = async () => {
    const parser = createFrameParser(profile, { onFrame: onCommand });
    const opened = new SerialPort({ path, baudRate: profile.serial.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => opened.open((error) => (error ? reject(error) : resolve())));
    opened.on('data', (chunk: Buffer) => parser.push(chunk));
    // An unplug closes this end too; reopen() opens the new one.
    opened.on('error', () => undefined);
    port = opened;
  };

  await open();
  return fake;
}
