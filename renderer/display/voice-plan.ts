// What the calling board says for one call, as clip tokens and as text for speech synthesis.
// Pure: the words come from the locale files (resources/locales/*/voice.json) and the clips
// from the voice pack's manifest, both passed in, so the sequence can be tested exactly.

export type VoiceLanguage = 'zh-CN' | 'en-US';

export type CallAnnouncement = { number: string; counterNumber: number; recall: boolean };

/**
 * One language's voice.json. `call` and `recall` are sentences with the placeholders
 * {{number}} (the ticket) and {{counter}} (the window); each stretch of text between
 * placeholders is one clip, and `|` splits a stretch into two clips. `readings` are the
 * spoken words of the number tokens, used to write the text speech synthesis reads.
 */
export type VoiceTemplates = { call: string; recall: string; readings: Readonly<Record<string, string>> };

/** A voice pack's manifest.json: clip file (relative to the manifest) by token. */
export type ClipManifest = { language: string; format: string; tokens: Readonly<Record<string, string>> };

export type AnnouncementPlan = {
  tokens: string[];
  /** The sentence for speech synthesis, numbers spelled out so no engine reads 001 as "one". */
  text: string;
  /** Clip files in playing order, or null when the manifest lacks any token. */
  clips: string[] | null;
};

/** A stretch of template text as a token: letters and digits kept, the rest as single dashes. */
export const phraseToken = (phrase: string): string =>
  phrase
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** Ticket numbers are read character by character ("A 0 0 1"), as halls say them. */
export const ticketTokens = (number: string): string[] => [...number.toUpperCase()].filter((c) => /^[A-Z0-9]$/.test(c));

/**
 * A window number as a Chinese numeral: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
 * Tokens: digits, '10' for 十, 'hundred' for 百. 2 stays 二 (二号窗口), as before 号.
 */
export function chineseNumeralTokens(n: number): string[] {
  if (n === 0) return ['0'];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  const out: string[] = [];
  if (hundreds) out.push(String(hundreds), 'hundred');
  // 十二, not 一十二; but 一百一十.
  if (tens) out.push(...(tens === 1 && !hundreds ? ['10'] : [String(tens), '10']));
  else if (hundreds && ones) out.push('0');
  if (ones) out.push(String(ones));
  return out;
}

/** A window number as English words: 3, 12 "twelve", 45 "forty five", 105 "one hundred five". */
export function englishNumberTokens(n: number): string[] {
  const below100 = (m: number): string[] => {
    if (m < 20) return [String(m)];
    const ones = m % 10;
    return ones ? [String(m - ones), String(ones)] : [String(m)];
  };
  if (n < 100) return below100(n);
  const rest = n % 100;
  return [String(Math.floor(n / 100)), 'hundred', ...(rest ? below100(rest) : [])];
}

function counterTokens(n: number, lang: VoiceLanguage): string[] {
  // Windows are numbered 1–999; anything else is read digit by digit rather than guessed at.
  if (!Number.isInteger(n) || n < 0 || n > 999) return ticketTokens(String(n));
  return lang === 'zh-CN' ? chineseNumeralTokens(n) : englishNumberTokens(n);
}

const slot = /^\{\{\s*(number|counter)\s*\}\}$/;

export function planAnnouncement(call: CallAnnouncement, lang: VoiceLanguage, templates: VoiceTemplates, manifest?: ClipManifest): AnnouncementPlan {
  // Chinese runs characters together; English separates words.
  const joiner = lang === 'zh-CN' ? '' : ' ';
  const read = (token: string) => templates.readings[token] ?? token;
  const tokens: string[] = [];
  let text = '';
  const template = call.recall ? templates.recall : templates.call;
  for (const part of template.split(/(\{\{\s*(?:number|counter)\s*\}\}|\|)/)) {
    if (part === '' || part === '|') continue;
    const name = slot.exec(part)?.[1];
    if (name) {
      const words = name === 'number' ? ticketTokens(call.number) : counterTokens(call.counterNumber, lang);
      tokens.push(...words);
      text += words.map(read).join(joiner);
      continue;
    }
    const token = phraseToken(part);
    if (token) tokens.push(token);
    text += part;
  }
  return { tokens, text: text.trim(), clips: manifest ? clipsFor(tokens, manifest) : null };
}

function clipsFor(tokens: readonly string[], manifest: ClipManifest): string[] | null {
  const clips: string[] = [];
  for (const token of tokens) {
    const file = Object.hasOwn(manifest.tokens, token) ? manifest.tokens[token] : undefined;
    if (typeof file !== 'string') return null;
    clips.push(file);
  }
  return clips;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// A clip path stays inside the pack's folder: plain relative names, no "..", no scheme.
const safeClipPath = /^(?!.*(^|\/)\.\.?(\/|$))[\w.-]+(\/[\w.-]+)*$/;

/** A fetched manifest.json, or null when it is not one; entries with unsafe paths are dropped. */
export function parseClipManifest(value: unknown): ClipManifest | null {
  if (!isRecord(value) || !isRecord(value.tokens)) return null;
  const tokens: Record<string, string> = {};
  for (const [token, file] of Object.entries(value.tokens)) if (typeof file === 'string' && safeClipPath.test(file)) tokens[token] = file;
  return {
    language: typeof value.language === 'string' ? value.language : '',
    format: typeof value.format === 'string' ? value.format : '',
    tokens,
  };
}

/** A locale's voice namespace (e.g. i18next.getResourceBundle(lang, 'voice')), checked. */
export function parseVoiceTemplates(value: unknown): VoiceTemplates {
  if (!isRecord(value) || typeof value.call !== 'string' || typeof value.recall !== 'string' || !isRecord(value.readings)) {
    throw new TypeError('voice templates need "call", "recall" and "readings"');
  }
  const readings: Record<string, string> = {};
  for (const [token, word] of Object.entries(value.readings)) if (typeof word === 'string') readings[token] = word;
  return { call: value.call, recall: value.recall, readings };
}
