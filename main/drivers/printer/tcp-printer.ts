import { connect } from 'node:net';
import { errnoCode, PrinterError } from './printer-error.ts';

export type TcpPrinterTarget = { host: string; port: number };
export type TcpSendOptions = { connectTimeoutMs?: number; idleTimeoutMs?: number };

// A closed printer must not hold the kiosk's customer for long: the ticket then goes to the screen.
const defaultConnectTimeoutMs = 3_000;
// Out of paper or cover open, a printer stops reading and the socket stalls.
const defaultIdleTimeoutMs = 10_000;
// After the last byte is handed over, how long the printer gets to close its side before we do.
const closeGraceMs = 5_000;

/**
 * Sends one job raw to a network printer's JetDirect port (9100): connect, write, end.
 * Resolves once every byte is flushed to the operating system and our side is closed
 * for writing; rejects with a PrinterError that says what went wrong.
 */
export function sendToTcpPrinter(target: TcpPrinterTarget, bytes: Buffer, options: TcpSendOptions = {}): Promise<void> {
  const where = `${target.host}:${target.port}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? defaultConnectTimeoutMs;
  return new Promise<void>((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    let settled = false;
    const settle = (error?: PrinterError) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve();
    };
    const connectTimer = setTimeout(
      () => settle(new PrinterError('timeout', `printer at ${where} did not accept a connection within ${connectTimeoutMs} ms`)),
      connectTimeoutMs,
    );

    socket.on('error', (error) => settle(describe(error, target)));
    socket.setTimeout(options.idleTimeoutMs ?? defaultIdleTimeoutMs, () =>
      settle(new PrinterError('timeout', `printer at ${where} stopped taking data (out of paper or cover open?)`)),
    );
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      socket.end(bytes);
    });
    // 'finish': every byte written and our FIN queued. Printers differ in whether they
    // close their side promptly, so do not wait for that; just make sure the socket goes.
    socket.once('finish', () => {
      settle();
      socket.setTimeout(0);
      setTimeout(() => socket.destroy(), closeGraceMs).unref();
    });
    socket.once('close', () => settle(new PrinterError('io', `printer at ${where} closed the connection before the ticket was sent`)));
  });
}

function describe(error: Error, target: TcpPrinterTarget): PrinterError {
  const where = `${target.host}:${target.port}`;
  switch (errnoCode(error)) {
    case 'ECONNREFUSED':
      return new PrinterError('refused', `printer at ${where} refused the connection: is it on, and is ${target.port} its raw printing port?`, {
        cause: error,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrinterError('not_found', `printer host "${target.host}" could not be resolved`, { cause: error });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new PrinterError('unreachable', `printer at ${where} is unreachable from this server`, { cause: error });
    case 'ETIMEDOUT':
      return new PrinterError('timeout', `printer at ${where} did not answer`, { cause: error });
    default:
      return new PrinterError('io', `printing to ${where} failed: ${error.message}`, { cause: error });
  }
}
