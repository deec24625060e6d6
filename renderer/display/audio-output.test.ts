import { describe, expect, it } from 'vitest';
import { type AudioElementLike, browserPlayer, browserSpeech, pickVoice } from './audio-output.ts';

// Node has no audio element and no speech synthesis; these fakes stand in for the browser's
// objects closely enough to check the adapters' wiring: events in, promises out.

class FakeAudio extends EventTarget {
  preload: AudioElementLike['preload'] = '';
  readyState = 0;
  paused = true;
  src: string | null;
  loads = 0;
  playResult: Promise<void> = Promise.resolve();
  constructor(url: string) {
    super();
    this.src = url;
  }
  play() {
    this.paused = false;
    return this.playResult;
  }
  pause() {
    this.paused = true;
  }
  load() {
    this.loads += 1;
  }
  removeAttribute(name: string) {
    if (name === 'src') this.src = null;
  }
  fire(type: string) {
    this.dispatchEvent(new Event(type));
  }
}

function playerWithFakes() {
  const made: FakeAudio[] = [];
  const player = browserPlayer((url) => {
    const audio = new FakeAudio(url);
    made.push(audio);
    return audio satisfies AudioElementLike;
  });
  return { player, made };
}

describe('browserPlayer', () => {
  it('preloads, is ready on canplaythrough, finishes on ended, and lets go on stop', async () => {
    const { player, made } = playerWithFakes();
    const clip = player.load('/voice/zh-CN/qing.ogg');
    const audio = made[0];
    if (!audio) throw new Error('no audio element made');
    expect(audio.preload).toBe('auto');
    audio.fire('canplaythrough');
    await clip.ready;
    const played = clip.play();
    expect(audio.paused).toBe(false);
    audio.fire('ended');
    await played;
    clip.stop();
    clip.stop();
    expect(audio.paused).toBe(true);
    expect(audio.src).toBeNull();
    expect(audio.loads).toBe(1);
  });

  it('rejects when the clip cannot load or the browser refuses to play it', async () => {
    const { player, made } = playerWithFakes();
    const broken = player.load('/voice/zh-CN/missing.ogg');
    made[0]?.fire('error');
    await expect(broken.ready).rejects.toThrow(/missing\.ogg/);

    const refused = player.load('/voice/zh-CN/qing.ogg');
    const audio = made[1];
    if (!audio) throw new Error('no audio element made');
    // What Chromium does without --autoplay-policy=no-user-gesture-required.
    audio.playResult = Promise.reject(new DOMException('play() failed', 'NotAllowedError'));
    await expect(refused.play()).rejects.toThrow('play() failed');
  });
});

type FakeUtterance = {
  text: string;
  lang: string;
  voice: SpeechSynthesisVoice | null;
  onend: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
};

describe('browserSpeech', () => {
  const voices = [
    { lang: 'en-GB', name: 'British' },
    { lang: 'en_US', name: 'American' },
    { lang: 'zh-TW', name: 'Taiwan' },
  ] satisfies Partial<SpeechSynthesisVoice>[] as unknown as SpeechSynthesisVoice[];

  it('picks the closest voice', () => {
    expect(pickVoice(voices, 'en-US')?.name).toBe('American');
    expect(pickVoice(voices, 'zh-CN')?.name).toBe('Taiwan');
    expect(pickVoice(voices, 'fr-FR')).toBeNull();
  });

  it('speaks with the language set, resolves on end and rejects on error', async () => {
    const spoken: FakeUtterance[] = [];
    let cancelled = 0;
    const synthesis = { speak: (u: FakeUtterance) => spoken.push(u), cancel: () => (cancelled += 1), getVoices: () => voices };
    class Utterance implements FakeUtterance {
      lang = '';
      voice: SpeechSynthesisVoice | null = null;
      onend: ((event: never) => void) | null = null;
      onerror: ((event: never) => void) | null = null;
      readonly text: string;
      constructor(text: string) {
        this.text = text;
      }
    }
    const speech = browserSpeech(synthesis, Utterance);
    if (!speech) throw new Error('speech expected');

    const first = speech.speak('Ticket A zero zero one', 'en-US');
    expect(spoken[0]).toMatchObject({ text: 'Ticket A zero zero one', lang: 'en-US', voice: { name: 'American' } });
    (spoken[0]?.onend as ((event: object) => void) | null)?.({});
    await first;

    const second = speech.speak('x', 'zh-CN');
    speech.cancel();
    (spoken[1]?.onerror as ((event: { error: string }) => void) | null)?.({ error: 'interrupted' });
    await expect(second).rejects.toThrow('interrupted');
    expect(cancelled).toBe(1);
  });

  it('is undefined where the browser has no speech synthesis', () => {
    expect(browserSpeech(undefined, undefined)).toBeUndefined();
  });
});
