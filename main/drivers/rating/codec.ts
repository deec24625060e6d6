/**
 * The protocol half of a rating device, all pure: profile + params → bytes, bytes →
 * frames → events. Transports and the driver sit on top; nothing here does I/O.
 */
export { type CommandParams, encodeCommand, encodeFrame } from './command-encoder.ts';
export { type DeviceEvent, decodeEvent } from './event-decoder.ts';
export { createFrameParser, type Frame, type FrameParser, type FrameParserHandlers, type FrameParserStats } from './frame-parser.ts';
