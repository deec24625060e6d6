import { z } from 'zod';
import { checksumAlgorithms, checksumSpanFields, describeFrameLayout, frameFields } from './frame-layout.ts';

/**
 * A rating device is configuration, not code: this is the JSON a profile file holds.
 * docs/devices.md explains every field; profiles/ holds the built-in ones.
 */

/** Vendors' manuals write bytes in hex, so a profile may too: 2, "0x02" and "0X2" are one byte. */
export const byteSchema = z.union([
  z.number().int().min(0).max(255),
  z
    .string()
    .regex(/^0x[0-9a-f]{1,2}$/i, { message: 'a byte: 0..255 or "0x00".."0xFF"' })
    .transform((text) => Number.parseInt(text.slice(2), 16)),
]);

const word16Schema = z.union([
  z.number().int().min(0).max(0xffff),
  z
    .string()
    .regex(/^0x[0-9a-f]{1,4}$/i, { message: 'a 16-bit number: 0..65535 or "0x0000".."0xFFFF"' })
    .transform((text) => Number.parseInt(text.slice(2), 16)),
]);

/** One byte or a few, written as a single byte or a list. */
const byteSequence = (maxLength: number) => z.union([byteSchema.transform((byte) => [byte]), z.array(byteSchema).max(maxLength)]);

export const levelSchema = z.literal([1, 2, 3, 4, 5]);

/** Raw key number (as the device sends it) → level 1..5; a 3- or 4-key device maps onto the five levels. */
const keyMapSchema = z
  .record(z.string().regex(/^(0|[1-9]\d{0,2})$/, { message: 'a key number 0..255' }), levelSchema)
  .refine((keys) => Object.keys(keys).length > 0, { message: 'keys must map at least one key to a level' });

/** The values a command's text may carry; anything else in braces is a typo the schema catches. */
export const templateParams = ['workNo', 'name', 'window', 'timeoutSeconds'] as const;

const textPartSchema = z.strictObject({
  text: z.string().min(1),
  encoding: z.enum(['utf8', 'gb18030']).default('utf8'),
});
const paramPartSchema = z.strictObject({ param: z.literal('timeoutSeconds') });
const bytesPartSchema = z.strictObject({ bytes: z.array(byteSchema).min(1) });
const dataPartSchema = z.union([textPartSchema, paramPartSchema, bytesPartSchema]);
export type DataPart = z.output<typeof dataPartSchema>;

/** A bare string is the common case: UTF-8 text with placeholders. */
const commandDataSchema = z.union([
  z
    .string()
    .min(1)
    .transform((text): DataPart[] => [{ text, encoding: 'utf8' }]),
  dataPartSchema.transform((part) => [part]),
  z.array(dataPartSchema),
]);

const commandSchema = z.strictObject({
  cmd: byteSchema,
  data: commandDataSchema.default([]),
});

export const commandNames = ['greet', 'showStaff', 'invite', 'cancel', 'poll'] as const;
export type CommandName = (typeof commandNames)[number];

const commandsSchema = z.strictObject({
  greet: commandSchema.optional(),
  showStaff: commandSchema.optional(),
  invite: commandSchema.optional(),
  cancel: commandSchema.optional(),
  poll: commandSchema.optional(),
});

const eventSchema = z.discriminatedUnion('kind', [
  // The key is either in DATA (at keyAt) or implied by the command byte itself (key).
  z.strictObject({
    kind: z.literal('key'),
    cmd: byteSchema,
    keyAt: z.number().int().min(0).max(254).optional(),
    key: z.number().int().min(0).max(255).optional(),
  }),
  z.strictObject({ kind: z.literal('timeout'), cmd: byteSchema }),
  // A status frame without DATA counts as ok.
  z.strictObject({ kind: z.literal('status'), cmd: byteSchema, statusAt: z.number().int().min(0).max(254).default(0), okValue: byteSchema.default(0) }),
]);

const frameSchema = z.strictObject({
  start: byteSequence(4),
  end: byteSequence(4).default([]),
  fields: z.array(z.enum(frameFields)).min(1),
  /** LEN = number of DATA bytes + lengthOffset (some vendors count CMD or the checksum too). */
  lengthOffset: z.number().int().min(0).max(16).default(0),
  maxDataLength: z.number().int().min(0).max(255).default(255),
  /**
   * The longest DATA the device sends (its replies are short: a key, a status). The host's
   * parser drops a longer LEN at once, so a stray start byte in noise holds back nothing
   * for long and an accidental "valid" frame cannot swallow the real ones behind it.
   * Defaults to maxDataLength.
   */
  maxReplyDataLength: z.number().int().min(0).max(255).optional(),
  checksum: z.strictObject({
    algorithm: z.enum(checksumAlgorithms),
    from: z.enum(checksumSpanFields).optional(),
    to: z.enum(checksumSpanFields).optional(),
  }),
  /** Frames addressed to another device on the same RS-485 line are ignored; false for devices that always answer with a fixed address. */
  checkAddress: z.boolean().default(true),
  /** A frame whose bytes stop for this long is given up, so one stray start byte cannot hold back the frames after it. */
  gapTimeoutMs: z.number().int().min(5).max(5_000).default(100),
});
export type FrameSpec = z.output<typeof frameSchema>;

const heartbeatSchema = z
  .strictObject({
    intervalMs: z.number().int().min(100).max(600_000).default(5_000),
    answerTimeoutMs: z.number().int().min(10).max(60_000).default(1_000),
    /** Polls in a row without an answer before the device counts as not answering. */
    missesBeforeNoAnswer: z.number().int().min(1).max(20).default(2),
  })
  .refine((heartbeat) => heartbeat.answerTimeoutMs < heartbeat.intervalMs, { message: 'heartbeat.answerTimeoutMs must be shorter than heartbeat.intervalMs' });

const serialSchema = z.strictObject({
  baudRate: z.number().int().min(300).max(921_600).default(9600),
  dataBits: z.literal([5, 6, 7, 8]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.literal([1, 1.5, 2]).default(1),
});
export type SerialDefaults = z.output<typeof serialSchema>;

const hidSchema = z.strictObject({
  vendorId: word16Schema,
  productId: word16Schema,
  /** The first byte of every output report; 0 for devices with unnumbered reports. */
  reportId: byteSchema.default(0),
  /** Payload bytes per output report: a frame is cut into reports and the last one zero-padded. */
  reportSize: z.number().int().min(1).max(1024).default(64),
});

const keyboardBindingSchema = z
  .strictObject({
    /** KeyboardEvent.code: the physical key, the same whatever the keyboard layout ("F9", "Numpad1"). */
    code: z.string().min(1).optional(),
    /** KeyboardEvent.key, for keypads that send characters rather than keys. */
    eventKey: z.string().min(1).optional(),
    /** The raw key number this press stands for; `keys` maps it to a level. */
    key: z.number().int().min(0).max(255),
  })
  .refine((binding) => (binding.code === undefined) !== (binding.eventKey === undefined), { message: 'a binding has either "code" or "eventKey"' });

const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'a profile name: lowercase letters, digits and "-"' });

const framedFields = {
  name: nameSchema,
  description: z.string().optional(),
  frame: frameSchema,
  commands: commandsSchema.prefault({}),
  events: z.array(eventSchema).min(1),
  keys: keyMapSchema,
  heartbeat: heartbeatSchema.prefault({}),
};

const profileUnion = z.discriminatedUnion('transport', [
  z.strictObject({ transport: z.literal('serial'), serial: serialSchema.prefault({}), ...framedFields }),
  z.strictObject({ transport: z.literal('hid'), hid: hidSchema, ...framedFields }),
  z.strictObject({
    transport: z.literal('keyboard'),
    name: nameSchema,
    description: z.string().optional(),
    keyboard: z.strictObject({ bindings: z.array(keyboardBindingSchema).min(1) }),
    keys: keyMapSchema,
  }),
  // The customer-facing screen shows one button per key in `keys`.
  z.strictObject({ transport: z.literal('screen'), name: nameSchema, description: z.string().optional(), keys: keyMapSchema }),
]);

export const ratingProfileSchema = profileUnion.superRefine((profile, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const keyNumbers = new Set(Object.keys(profile.keys).map(Number));

  if (profile.transport === 'keyboard') {
    profile.keyboard.bindings.forEach((binding, index) => {
      if (!keyNumbers.has(binding.key)) issue(['keyboard', 'bindings', index, 'key'], `key ${binding.key} is not in "keys"`);
    });
    const seen = new Set<string>();
    profile.keyboard.bindings.forEach((binding, index) => {
      const id = binding.code !== undefined ? `code:${binding.code}` : `key:${binding.eventKey}`;
      if (seen.has(id)) issue(['keyboard', 'bindings', index], `${id} is bound twice`);
      seen.add(id);
    });
    return;
  }
  if (profile.transport === 'screen') return;

  const layout = describeFrameLayout(profile.frame);
  if (typeof layout === 'string') issue(['frame'], layout);

  const eventBytes = new Set<number>();
  profile.events.forEach((event, index) => {
    if (eventBytes.has(event.cmd)) issue(['events', index, 'cmd'], `command byte ${hex(event.cmd)} has two events`);
    eventBytes.add(event.cmd);
    if (event.kind === 'key' && event.key !== undefined && event.keyAt !== undefined) issue(['events', index], 'a key event has "key" or "keyAt", not both');
    if (event.kind === 'key' && event.key !== undefined && !keyNumbers.has(event.key)) issue(['events', index, 'key'], `key ${event.key} is not in "keys"`);
  });

  for (const name of commandNames) {
    const command = profile.commands[name];
    command?.data.forEach((part, index) => {
      if (!('text' in part)) return;
      for (const [, param] of part.text.matchAll(/\{([^}]*)\}/g)) {
        if (!templateParams.some((known) => known === param))
          issue(['commands', name, 'data', index, 'text'], `unknown placeholder {${param}}; use ${templateParams.map((p) => `{${p}}`).join(' ')}`);
      }
    });
  }
});
export type RatingProfile = z.output<typeof ratingProfileSchema>;
export type SerialProfile = Extract<RatingProfile, { transport: 'serial' }>;
export type HidProfile = Extract<RatingProfile, { transport: 'hid' }>;
export type KeyboardProfile = Extract<RatingProfile, { transport: 'keyboard' }>;
export type ScreenProfile = Extract<RatingProfile, { transport: 'screen' }>;
/** A device that speaks in frames: serial or HID. */
export type FramedProfile = SerialProfile | HidProfile;

export const isFramedProfile = (profile: RatingProfile): profile is FramedProfile => profile.transport === 'serial' || profile.transport === 'hid';

export const hex = (byte: number): string => `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;

/** Parses a profile's JSON value; the error lists every problem with its path, for whoever writes the file. */
export function parseRatingProfile(value: unknown, source = 'profile'): RatingProfile {
  const result = ratingProfileSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.length > 0 ? issue.path.join('.') : '(top)'}: ${issue.message}`);
  throw new Error(`${source} is not a valid rating device profile:\n${problems.join('\n')}`);
}
