/** The part of a structured logger (pino's shape) the core, the server and the drivers use; the server passes pino itself. */
export type Logger = {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
