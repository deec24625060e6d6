import type { VoiceLanguage } from './voice-plan.ts';

// The two ways the board makes sound, behind small types so the announcer's queue can be
// tested under Node, where there is neither an audio element nor speech synthesis.

/** One clip, fetched ahead so clips follow each other without a gap. */
export type PlayableClip = {
  /** Settles when enough is loaded to play through; rejects when it cannot load. */
  ready: Promise<void>;
  /** Resolves when it has finished playing; rejects when it cannot play. */
  play(): Promise<void>;
  /** Stops it and lets go of it; safe at any time, and more than once. */
  stop(): void;
};

export type AudioPlayer = { load(url: string): PlayableClip };

export type SpeechLike = {
  /** Resolves when the utterance has been spoken; rejects when the engine gives up on it. */
  speak(text: string, lang: VoiceLanguage): Promise<void>;
  cancel(): void;
};

/** What the player needs of an HTMLAudioElement. */
export type AudioElementLike = Pick<
  HTMLAudioElement,
  'preload' | 'readyState' | 'play' | 'pause' | 'load' | 'removeAttribute' | 'addEventListener' | 'removeEventListener'
>;

const HAVE_ENOUGH_DATA = 4;

/** Clips played with one HTMLAudioElement each. */
export function browserPlayer(createAudio: (url: string) => AudioElementLike = (url) => new Audio(url)): AudioPlayer {
  return {
    load(url) {
      const audio = createAudio(url);
      audio.preload = 'auto';
      const listeners: [string, () => void][] = [];
      const on = (type: string, listener: () => void) => {
        audio.addEventListener(type, listener);
        listeners.push([type, listener]);
      };
      const ready = new Promise<void>((resolve, reject) => {
        if (audio.readyState >= HAVE_ENOUGH_DATA) resolve();
        on('canplaythrough', resolve);
        on('error', () => reject(new Error(`clip failed to load: ${url}`)));
      });
      // Nobody may wait on it (an announcement cancelled first); that is not an error.
      ready.catch(() => undefined);
      let stopped = false;
      return {
        ready,
        play: () =>
          new Promise<void>((resolve, reject) => {
            on('ended', resolve);
            on('error', () => reject(new Error(`clip failed to play: ${url}`)));
            audio.play().catch(reject);
          }),
        stop() {
          if (stopped) return;
          stopped = true;
          for (const [type, listener] of listeners) audio.removeEventListener(type, listener);
          audio.pause();
          // Dropping the source frees the decoder; a board runs for days.
          audio.removeAttribute('src');
          audio.load();
        },
      };
    },
  };
}

type UtteranceLike = { lang: string; voice: SpeechSynthesisVoice | null; onend: ((event: never) => void) | null; onerror: ((event: never) => void) | null };
type SynthesisLike<U> = { speak(utterance: U): void; cancel(): void; getVoices(): SpeechSynthesisVoice[] };

/** The installed voice closest to `lang`: the same language and region, else the same language. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const norm = (tag: string) => tag.replace('_', '-').toLowerCase();
  const wanted = norm(lang);
  const primary = wanted.split('-')[0];
  return voices.find((v) => norm(v.lang) === wanted) ?? voices.find((v) => norm(v.lang).split('-')[0] === primary) ?? null;
}

/**
 * The operating system's speech synthesis, or undefined where the browser has none:
 * browserSpeech(globalThis.speechSynthesis, globalThis.SpeechSynthesisUtterance).
 */
export function browserSpeech<U extends UtteranceLike>(
  synthesis: SynthesisLike<U> | undefined,
  Utterance: (new (text: string) => U) | undefined,
): SpeechLike | undefined {
  if (!synthesis || !Utterance) return undefined;
  // Chromium can collect an utterance still being spoken and then never fire its end event.
  let speaking: U | undefined;
  return {
    speak: (text, lang) =>
      new Promise<void>((resolve, reject) => {
        const utterance = new Utterance(text);
        utterance.lang = lang;
        utterance.voice = pickVoice(synthesis.getVoices(), lang);
        utterance.onend = () => resolve();
        utterance.onerror = (event: { error?: string }) => reject(new Error(`speech failed: ${event.error ?? 'unknown'}`));
        speaking = utterance;
        synthesis.speak(utterance);
      }).finally(() => {
        speaking = undefined;
      }),
    cancel() {
      if (speaking) synthesis.cancel();
    },
  };
}
