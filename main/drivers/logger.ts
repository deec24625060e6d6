/**
 * What a driver logs through: the shape of pino's methods, the same as the core's Logger, so the
 * hall hands one logger to both. Drivers stay free of the core: they are a library of devices.
 */
export type Logger = {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
