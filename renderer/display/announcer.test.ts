import { describe, expect, it } from 'vitest';
import enPack from '../../resources/voice/en-US/manifest.json' with { type: 'json' };
import zhPack from '../../resources/voice/zh-CN/manifest.json' with { type: 'json' };
import enVoice from '../../resources/locales/en-US/voice.json' with { type: 'json' };
import zhVoice from '../../resources/locales/zh-CN/voice.json' with { type: 'json' };
import { type AnnouncerOptions, createAnnouncer } from './announcer.ts';
import type { AudioPlayer, PlayableClip, SpeechLike } from './audio-output.ts';
import { type CallAnnouncement, type ClipManifest, parseClipManifest, parseVoiceTemplates, planAnnouncement, type VoiceLanguage } from './voice-plan.ts';

// The browser's audio element and speech synthesis cannot play under Node, so these tests
// drive the announcer's queue through tiny fakes that log what would be heard and when.
// The manifests are the shipped ones from resources/voice.

const templates = { 'zh-CN': parseVoiceTemplates(zhVoice), 'en-US': parseVoiceTemplates(enVoice) };
const shipped = (lang: VoiceLanguage): ClipManifest => {
  const manifest = parseClipManifest(lang === 'zh-CN' ? zhPack : enPack);
  if (!manifest) throw new Error(`no shipped manifest for ${lang}`);
  return manifest;
};

type Behaviour = 'load-error' | 'play-error' | 'hang';

/** Sound output that records each clip and utterance and how many ever played at once. */
function fakeOutput(clipBehaviour: Record<string, Behaviour> = {}, speechHangs = false) {
  const heard: string[] = [];
  let active = 0;
  let mostAtOnce = 0;
  const begin = (what: string) => {
    heard.push(what);
    active += 1;
    mostAtOnce = Math.max(mostAtOnce, active);
  };
  const player: AudioPlayer = {
    load(url) {
      const file = url.replace(/^\/voice\//, '');
      const behaviour = clipBehaviour[file.split('/').pop() ?? ''];
      let finish: (() => void) | undefined;
      const clip: PlayableClip = {
        ready: new Promise((resolve, reject) => setTimeout(() => (behaviour === 'load-error' ? reject(new Error('404')) : resolve()), 1)),
        play: () =>
          new Promise((resolve, reject) => {
            begin(file);
            finish = () => {
              finish = undefined;
              active -= 1;
            };
            if (behaviour === 'hang') return;
            setTimeout(() => {
              finish?.();
              if (behaviour === 'play-error') reject(new Error('decode error'));
              else resolve();
            }, 2);
          }),
        stop: () => finish?.(),
      };
      return clip;
    },
  };
  let cancelSpeech: (() => void) | undefined;
  const speech: SpeechLike = {
    speak: (text, lang) =>
      new Promise((resolve) => {
        begin(`speech ${lang}: ${text}`);
        cancelSpeech = () => {
          cancelSpeech = undefined;
          active -= 1;
        };
        if (!speechHangs)
          setTimeout(() => {
            cancelSpeech?.();
            resolve();
          }, 3);
      }),
    cancel: () => cancelSpeech?.(),
  };
  return { heard, player, speech, mostAtOnce: () => mostAtOnce, active: () => active };
}

function fakeFetch(manifests: Partial<Record<VoiceLanguage, ClipManifest>>) {
  const requested: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = String(input);
    requested.push(url);
    const lang = /^\/voice\/([^/]+)\/manifest\.json$/.exec(url)?.[1];
    const manifest = lang === 'zh-CN' || lang === 'en-US' ? manifests[lang] : undefined;
    return manifest ? new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 });
  };
  return { fetch, requested };
}

function announcerWith(output: ReturnType<typeof fakeOutput>, overrides: Partial<AnnouncerOptions> = {}) {
  return createAnnouncer({
    clipBaseUrl: '/voice/',
    languages: () => ['zh-CN', 'en-US'],
    templates: (lang) => templates[lang],
    player: output.player,
    speech: output.speech,
    fetch: fakeFetch({ 'zh-CN': shipped('zh-CN'), 'en-US': shipped('en-US') }).fetch,
    // Well above the fakes' few milliseconds, so a busy CI machine does not trip them.
    timeouts: { manifestMs: 500, loadMs: 500, clipMs: 150, speechMs: 200 },
    ...overrides,
  });
}

async function until(done: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the announcer');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** What the clip pack says for one call in one language, as the fake player logs it. */
const clipsOf = (call: CallAnnouncement, lang: VoiceLanguage) =>
  (planAnnouncement(call, lang, templates[lang], shipped(lang)).clips ?? []).map((file) => `${lang}/${file}`);
const speechOf = (call: CallAnnouncement, lang: VoiceLanguage) => `speech ${lang}: ${planAnnouncement(call, lang, templates[lang]).text}`;

const a001: CallAnnouncement = { number: 'A001', counterNumber: 3, recall: false };
const b120: CallAnnouncement = { number: 'B120', counterNumber: 12, recall: false };

describe('createAnnouncer', () => {
  it('says calls one after another, Chinese then English, never two sounds at once', async () => {
    const output = fakeOutput();
    const announcer = announcerWith(output);
    announcer.announce(a001);
    announcer.announce(b120);
    expect(announcer.pending()).toBe(2);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([...clipsOf(a001, 'zh-CN'), ...clipsOf(a001, 'en-US'), ...clipsOf(b120, 'zh-CN'), ...clipsOf(b120, 'en-US')]);
    expect(output.heard[0]).toBe('zh-CN/qing.ogg');
    expect(output.mostAtOnce()).toBe(1);
  });

  it('a call arriving while another is said waits its turn', async () => {
    const output = fakeOutput();
    const announcer = announcerWith(output);
    announcer.announce(a001);
    await until(() => output.heard.length === 3);
    announcer.announce(b120);
    expect(announcer.pending()).toBe(2);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([...clipsOf(a001, 'zh-CN'), ...clipsOf(a001, 'en-US'), ...clipsOf(b120, 'zh-CN'), ...clipsOf(b120, 'en-US')]);
    expect(output.mostAtOnce()).toBe(1);
  });

  it('announces a recall again, with its own words, even right after the same call', async () => {
    const output = fakeOutput();
    const announcer = announcerWith(output, { languages: () => ['zh-CN'] });
    const recall = { ...a001, recall: true };
    announcer.announce(a001);
    announcer.announce(recall);
    announcer.announce(recall);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([...clipsOf(a001, 'zh-CN'), ...clipsOf(recall, 'zh-CN'), ...clipsOf(recall, 'zh-CN')]);
    expect(clipsOf(recall, 'zh-CN')[0]).toBe('zh-CN/zai-ci-hu-jiao.ogg');
  });

  it('speaks the sentence when the manifest lacks a token, and uses clips for the language that has them', async () => {
    const output = fakeOutput();
    const { '10': _ten, ...withoutTen } = shipped('zh-CN').tokens;
    const { fetch } = fakeFetch({ 'zh-CN': { ...shipped('zh-CN'), tokens: withoutTen }, 'en-US': shipped('en-US') });
    const announcer = announcerWith(output, { fetch });
    announcer.announce(b120);
    announcer.announce(a001);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([
      'speech zh-CN: 请B一二零号到十二号窗口办理',
      ...clipsOf(b120, 'en-US'),
      ...clipsOf(a001, 'zh-CN'),
      ...clipsOf(a001, 'en-US'),
    ]);
  });

  it('speaks everything when there is no pack, and asks for each manifest once', async () => {
    const output = fakeOutput();
    const { fetch, requested } = fakeFetch({});
    const announcer = announcerWith(output, { fetch });
    announcer.announce(a001);
    announcer.announce(b120);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([speechOf(a001, 'zh-CN'), speechOf(a001, 'en-US'), speechOf(b120, 'zh-CN'), speechOf(b120, 'en-US')]);
    expect(output.heard[1]).toBe('speech en-US: Ticket A zero zero one, please go to window three.');
    expect(requested.sort()).toEqual(['/voice/en-US/manifest.json', '/voice/zh-CN/manifest.json']);
  });

  it('falls back to speech, before any clip plays, when a clip fails to load', async () => {
    const output = fakeOutput({ 'hao-dao.ogg': 'load-error' });
    const announcer = announcerWith(output);
    announcer.announce(a001);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([speechOf(a001, 'zh-CN'), ...clipsOf(a001, 'en-US')]);
  });

  it('says the whole sentence by speech when a clip fails halfway', async () => {
    const output = fakeOutput({ 'hao-dao.ogg': 'play-error' });
    const announcer = announcerWith(output);
    announcer.announce(a001);
    await until(() => announcer.pending() === 0);
    const zh = clipsOf(a001, 'zh-CN');
    expect(output.heard).toEqual([...zh.slice(0, zh.indexOf('zh-CN/hao-dao.ogg') + 1), speechOf(a001, 'zh-CN'), ...clipsOf(a001, 'en-US')]);
    expect(output.mostAtOnce()).toBe(1);
  });

  it('gives up a stuck clip after its time limit, and the calls behind it are still said', async () => {
    const output = fakeOutput({ 'hao-dao.ogg': 'hang' });
    const announcer = announcerWith(output, { languages: () => ['zh-CN'] });
    const started = Date.now();
    announcer.announce(a001);
    announcer.announce({ number: 'C007', counterNumber: 5, recall: false });
    await until(() => announcer.pending() === 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 150);
    expect(output.heard.filter((h) => h.startsWith('speech'))).toEqual([
      speechOf(a001, 'zh-CN'),
      speechOf({ number: 'C007', counterNumber: 5, recall: false }, 'zh-CN'),
    ]);
    expect(output.mostAtOnce()).toBe(1);
    expect(output.active()).toBe(0);
  });

  it('gives up speech that never ends', async () => {
    const output = fakeOutput({}, true);
    const announcer = announcerWith(output, { fetch: fakeFetch({}).fetch });
    announcer.announce(a001);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([speechOf(a001, 'zh-CN'), speechOf(a001, 'en-US')]);
    expect(output.active()).toBe(0);
  });

  it('speaks when a manifest never arrives', async () => {
    const output = fakeOutput();
    const never = () => new Promise<Response>(() => undefined);
    const announcer = announcerWith(output, { fetch: never, languages: () => ['en-US'], timeouts: { manifestMs: 20 } });
    announcer.announce(a001);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual([speechOf(a001, 'en-US')]);
  });

  it('keeps going when a language has no templates', async () => {
    const output = fakeOutput();
    const announcer = announcerWith(output, {
      templates: (lang) => {
        if (lang === 'zh-CN') throw new Error('no voice namespace');
        return templates[lang];
      },
    });
    announcer.announce(a001);
    await until(() => announcer.pending() === 0);
    expect(output.heard).toEqual(clipsOf(a001, 'en-US'));
  });

  it('dispose() silences it and drops the queue', async () => {
    const output = fakeOutput();
    const announcer = announcerWith(output);
    announcer.announce(a001);
    announcer.announce(b120);
    await until(() => output.heard.length === 2);
    announcer.dispose();
    expect(announcer.pending()).toBe(0);
    expect(output.active()).toBe(0);
    announcer.announce(a001);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(output.heard.length).toBeLessThanOrEqual(3);
    expect(announcer.pending()).toBe(0);
  });
});
