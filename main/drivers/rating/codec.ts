/**
 * The protocol half of a rating device, all pure: profile + params → bytes, bytes →
 * frames → events. Transports and the driver sit on top; nothing here does I/O.
 */
export { encodeCommand, encodeFrame } from './command-encoder.ts';
export { decodeEvent } from './event-decoder.ts';
export { createFrameParser, type Frame } from './frame-parser.ts';
