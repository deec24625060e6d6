import { type AudioPlayer, browserPlayer, browserSpeech, type PlayableClip, type SpeechLike } from './audio-output.ts';
import { type CallAnnouncement, type ClipManifest, parseClipManifest, planAnnouncement, type VoiceLanguage, type VoiceTemplates } from './voice-plan.ts';

// The calling board's voice. Calls are said strictly one after another (a FIFO), each in
// every language of languages() in that order, from the hall's clip pack when it has
// every word and by the operating system's speech synthesis otherwise. Whatever fails or
// hangs is given up after a time limit, so one bad clip never silences the calls behind it.

export type AnnouncerOptions = {
  /** Where the voice packs are served, e.g. '/voice': manifests at `${clipBaseUrl}/${lang}/manifest.json`. */
  clipBaseUrl: string;
  languages: () => readonly VoiceLanguage[];
  templates: (lang: VoiceLanguage) => VoiceTemplates;
  player?: AudioPlayer;
  /** Null: no speech fallback at all. Default: the browser's, where it has one. */
  speech?: SpeechLike | null;
  fetch?: typeof fetch;
  /** Limits, so nothing stuck holds the queue; tests shorten them. */
  timeouts?: Partial<AnnouncerTimeouts>;
};

/** Each limit with its default: the type is read from these, so a new limit is written once. */
const defaultTimeouts = {
  manifestMs: 5_000,
  /** For all clips of one sentence to be loaded before the first plays. */
  loadMs: 5_000,
  /** For one clip to finish; a clip is a word or a short phrase. */
  clipMs: 6_000,
  /** For speech synthesis to say one sentence. */
  speechMs: 20_000,
};
export type AnnouncerTimeouts = typeof defaultTimeouts;

export type Announcer = {
  announce(call: CallAnnouncement): void;
  /** Calls not yet fully said, the one being said included. */
  pending(): number;
  /** Stops the sound and forgets the queue; announce() does nothing afterwards. */
  dispose(): void;
};

class TimedOut extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export function createAnnouncer(options: AnnouncerOptions): Announcer {
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  const player = options.player ?? browserPlayer();
  const speech = options.speech === undefined ? browserSpeech(globalThis.speechSynthesis, globalThis.SpeechSynthesisUtterance) : (options.speech ?? undefined);
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.clipBaseUrl.replace(/\/+$/, '');

  const queue: CallAnnouncement[] = [];
  let speaking = false;
  let disposed = false;
  let playing: PlayableClip[] = [];

  // A pack that is absent or broken stays so (speech it is) until the board reloads; a
  // network failure is tried again at the next call.
  const manifests = new Map<VoiceLanguage, Promise<ClipManifest | null>>();
  function manifestFor(lang: VoiceLanguage): Promise<ClipManifest | null> {
    const known = manifests.get(lang);
    if (known) return known;
    const loading = within(
      fetchFn(`${base}/${lang}/manifest.json`).then(async (response) => (response.ok ? parseClipManifest(await response.json()) : null)),
      timeouts.manifestMs,
    ).catch((error: unknown) => {
      if (!(error instanceof SyntaxError)) manifests.delete(lang);
      return null;
    });
    manifests.set(lang, loading);
    return loading;
  }

  async function playClips(files: readonly string[], lang: VoiceLanguage): Promise<boolean> {
    const clips = files.map((file) => player.load(`${base}/${lang}/${file}`));
    playing = clips;
    try {
      await within(Promise.all(clips.map((clip) => clip.ready)), timeouts.loadMs);
      for (const clip of clips) {
        if (disposed) return true;
        await within(clip.play(), timeouts.clipMs);
      }
      return true;
    } catch {
      return false;
    } finally {
      for (const clip of clips) clip.stop();
      playing = [];
    }
  }

  async function say(call: CallAnnouncement, lang: VoiceLanguage): Promise<void> {
    let templates: VoiceTemplates;
    try {
      templates = options.templates(lang);
    } catch {
      return; // No words for this language: the other languages still speak.
    }
    const plan = planAnnouncement(call, lang, templates, (await manifestFor(lang)) ?? undefined);
    if (disposed) return;
    // Half a sentence from clips then a failure: the whole sentence again by speech,
    // rather than a fragment the listener has to piece together.
    if (plan.clips && (await playClips(plan.clips, lang))) return;
    if (!speech || disposed) return;
    try {
      await within(speech.speak(plan.text, lang), timeouts.speechMs);
    } catch {
      speech.cancel();
    }
  }

  async function drain(): Promise<void> {
    speaking = true;
    try {
      for (let call = queue[0]; call && !disposed; call = queue[0]) {
        try {
          for (const lang of options.languages()) {
            if (disposed) break;
            await say(call, lang);
          }
        } catch {
          // A failure of the caller's callbacks costs this call its voice, not the queue.
        } finally {
          queue.shift();
        }
      }
    } finally {
      speaking = false;
    }
  }

  // Prefetched so the first call is not held up by the manifests.
  for (const lang of options.languages()) void manifestFor(lang);

  return {
    announce(call) {
      if (disposed) return;
      // A recall is a new announcement like any other: said again, never merged.
      queue.push({ number: call.number, counterNumber: call.counterNumber, recall: call.recall });
      if (!speaking) void drain();
    },
    pending: () => queue.length,
    dispose() {
      disposed = true;
      queue.length = 0;
      for (const clip of playing) clip.stop();
      speech?.cancel();
    },
  };
}
