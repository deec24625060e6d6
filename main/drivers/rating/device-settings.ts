import { delimiter } from 'node:path';
import { z } from 'zod';

/**
 * Which rating device a counter uses, as one line of text so the headless hall server
 * takes it from its command line or environment:
 *
 *   <counter>=<profile>[:<path>][?baud=9600&addr=1&dataBits=8&parity=none&stopBits=1]
 *
 *   --rating-device counter3=reference-serial:/dev/ttyUSB0?baud=9600&addr=1
 *   --rating-device 4=keyboard-keypad
 *   ONEWINDOW_RATING_DEVICES="counter3=reference-serial:COM3;counter4=customer-screen"
 *
 * Options left out come from the profile (its serial defaults) or default to address 1.
 */
export type RatingDeviceSettings = {
  /** The counter as the hall names it: "counter3", "3". */
  counter: string;
  profile: string;
  /** Serial port or HID path; none for the keyboard keypad and the screen. */
  path: string | undefined;
  address: number;
  baudRate: number | undefined;
  dataBits: 5 | 6 | 7 | 8 | undefined;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space' | undefined;
  stopBits: 1 | 1.5 | 2 | undefined;
};

export const ratingDevicesEnv = 'ONEWINDOW_RATING_DEVICES';
/** Folders of vendors' profile files, separated like PATH (":" on Linux, ";" on Windows). */
export const ratingProfilesEnv = 'ONEWINDOW_RATING_PROFILES';

const numberText = (what: string) =>
  z
    .string()
    .regex(/^(\d+|0x[0-9a-f]+)$/i, { message: `${what} must be a number` })
    .transform((text) => Number(text));

const stopBitsOf = { '1': 1, '1.5': 1.5, '2': 2 } as const;

const optionsSchema = z.strictObject({
  baud: numberText('baud').pipe(z.number().int().min(300).max(921_600)).optional(),
  addr: numberText('addr').pipe(z.number().int().min(0).max(255)).optional(),
  dataBits: numberText('dataBits')
    .pipe(z.literal([5, 6, 7, 8]))
    .optional(),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).optional(),
  stopBits: z
    .enum(['1', '1.5', '2'])
    .transform((text) => stopBitsOf[text])
    .optional(),
});

const counterPattern = /^[A-Za-z0-9_-]{1,32}$/;
const profilePattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Parses one setting; the error quotes the text and says what is wrong with it. */
export function parseRatingDeviceSetting(text: string): RatingDeviceSettings {
  const fail = (why: string): never => {
    throw new Error(`rating device setting "${text}": ${why} (expected <counter>=<profile>[:<path>][?baud=9600&addr=1])`);
  };
  const equals = text.indexOf('=');
  if (equals < 0) fail('no "="');
  const counter = text.slice(0, equals).trim();
  if (!counterPattern.test(counter)) fail(`"${counter}" is not a counter name (letters, digits, "-" and "_")`);
  let rest = text.slice(equals + 1).trim();
  let query = '';
  const question = rest.indexOf('?');
  if (question >= 0) {
    query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  // Profile names have no ":", so the first one ends the name and a Windows path keeps its own.
  const colon = rest.indexOf(':');
  const profile = colon < 0 ? rest : rest.slice(0, colon);
  const path = colon < 0 ? undefined : rest.slice(colon + 1);
  if (!profilePattern.test(profile)) fail(`"${profile}" is not a profile name`);
  if (path !== undefined && path.length === 0) fail('the path after ":" is empty');

  const params = Object.fromEntries(new URLSearchParams(query));
  if ('address' in params && !('addr' in params)) {
    params.addr = params.address ?? '';
    delete params.address;
  }
  const parsed = optionsSchema.safeParse(params);
  if (!parsed.success)
    fail(
      parsed.error.issues
        .map((issue) => (issue.code === 'unrecognized_keys' ? `unknown option ${issue.keys.join(', ')}` : `${issue.path.join('.')}: ${issue.message}`))
        .join('; '),
    );
  const options = parsed.data ?? {};
  return {
    counter,
    profile,
    path,
    address: options.addr ?? 1,
    baudRate: options.baud,
    dataBits: options.dataBits,
    parity: options.parity,
    stopBits: options.stopBits,
  };
}

/** The setting back as text, the form the manager's page shows and the command line takes. */
export function formatRatingDeviceSetting(settings: RatingDeviceSettings): string {
  const query = new URLSearchParams();
  if (settings.baudRate !== undefined) query.set('baud', String(settings.baudRate));
  query.set('addr', String(settings.address));
  if (settings.dataBits !== undefined) query.set('dataBits', String(settings.dataBits));
  if (settings.parity !== undefined) query.set('parity', settings.parity);
  if (settings.stopBits !== undefined) query.set('stopBits', String(settings.stopBits));
  return `${settings.counter}=${settings.profile}${settings.path !== undefined ? `:${settings.path}` : ''}?${query.toString()}`;
}

/**
 * Every counter's setting from the command line (the values of each --rating-device)
 * and ONEWINDOW_RATING_DEVICES (settings separated by ";" or new lines). The command line
 * wins over the environment for the same counter; one counter twice on the command line
 * is a mistake worth stopping for.
 */
export function collectRatingDeviceSettings(input: { flags?: readonly string[]; env?: Readonly<Record<string, string | undefined>> }): RatingDeviceSettings[] {
  const once = (settings: RatingDeviceSettings[], source: string) => {
    const counters = new Set<string>();
    for (const setting of settings) {
      if (counters.has(setting.counter)) throw new Error(`${source} names counter "${setting.counter}" twice`);
      counters.add(setting.counter);
    }
    return counters;
  };
  const fromFlags = (input.flags ?? []).map(parseRatingDeviceSetting);
  const fromEnv = (input.env?.[ratingDevicesEnv] ?? '')
    .split(/[;\n]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(parseRatingDeviceSetting);
  const onCommandLine = once(fromFlags, '--rating-device');
  once(fromEnv, ratingDevicesEnv);
  return [...fromEnv.filter((setting) => !onCommandLine.has(setting.counter)), ...fromFlags];
}

/** Profile folders from --rating-profiles values and ONEWINDOW_RATING_PROFILES. */
export function collectProfileFolders(input: { flags?: readonly string[]; env?: Readonly<Record<string, string | undefined>> }): string[] {
  const fromEnv = (input.env?.[ratingProfilesEnv] ?? '').split(delimiter).filter((folder) => folder.length > 0);
  return [...new Set([...fromEnv, ...(input.flags ?? [])])];
}
