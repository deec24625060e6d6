import { describe, expect, it } from 'vitest';
import enPack from '../../resources/voice/en-US/manifest.json' with { type: 'json' };
import zhPack from '../../resources/voice/zh-CN/manifest.json' with { type: 'json' };
import enVoice from '../../resources/locales/en-US/voice.json' with { type: 'json' };
import zhVoice from '../../resources/locales/zh-CN/voice.json' with { type: 'json' };
import {
  type CallAnnouncement,
  type ClipManifest,
  chineseNumeralTokens,
  englishNumberTokens,
  parseClipManifest,
  parseVoiceTemplates,
  phraseToken,
  planAnnouncement,
  type VoiceLanguage,
} from './voice-plan.ts';

const zh = parseVoiceTemplates(zhVoice);
const en = parseVoiceTemplates(enVoice);
const shippedManifest = (lang: VoiceLanguage): ClipManifest | null => parseClipManifest(lang === 'zh-CN' ? zhPack : enPack);

const call = (number: string, counterNumber: number, recall = false): CallAnnouncement => ({ number, counterNumber, recall });
const counterText = (n: number, lang: VoiceLanguage) => {
  // The counter is the last number in both sentences; cut it out of the spoken text.
  const { text } = planAnnouncement(call('A1', n), lang, lang === 'zh-CN' ? zh : en);
  return lang === 'zh-CN' ? /到(.*)号窗口/.exec(text)?.[1] : /window (.*)\.$/.exec(text)?.[1];
};

describe('planAnnouncement in Chinese', () => {
  it('A001 to window 3: letter and digits one by one, then the window as a numeral', () => {
    expect(planAnnouncement(call('A001', 3), 'zh-CN', zh)).toEqual({
      tokens: ['请', 'A', '0', '0', '1', '号到', '3', '号窗口', '办理'],
      text: '请A零零一号到三号窗口办理',
      clips: null,
    });
  });

  it('B120 to window 12: 十 is a token of its own', () => {
    const plan = planAnnouncement(call('B120', 12), 'zh-CN', zh);
    expect(plan.tokens).toEqual(['请', 'B', '1', '2', '0', '号到', '10', '2', '号窗口', '办理']);
    expect(plan.text).toBe('请B一二零号到十二号窗口办理');
  });

  it('a recall says 再次呼叫 first, then the whole call again', () => {
    const plan = planAnnouncement(call('A001', 3, true), 'zh-CN', zh);
    expect(plan.tokens).toEqual(['再次呼叫', '请', 'A', '0', '0', '1', '号到', '3', '号窗口', '办理']);
    expect(plan.text).toBe('再次呼叫，请A零零一号到三号窗口办理');
  });

  it('reads 10–99 as Chinese numerals', () => {
    const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    for (let n = 10; n <= 99; n++) {
      const tens = Math.floor(n / 10);
      const ones = n % 10;
      const expected = `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
      expect(counterText(n, 'zh-CN'), `window ${n}`).toBe(expected);
      // The locale's own table of 11–19 and the tens agrees.
      if (n < 20 || ones === 0) expect(expected).toBe(zh.readings[String(n)]);
    }
    expect(chineseNumeralTokens(10)).toEqual(['10']);
    expect(chineseNumeralTokens(20)).toEqual(['2', '10']);
    expect(chineseNumeralTokens(21)).toEqual(['2', '10', '1']);
    expect(chineseNumeralTokens(99)).toEqual(['9', '10', '9']);
  });

  it('reads single digits and hundreds as numerals too', () => {
    expect(counterText(1, 'zh-CN')).toBe('一');
    expect(counterText(2, 'zh-CN')).toBe('二');
    expect(counterText(100, 'zh-CN')).toBe('一百');
    expect(counterText(105, 'zh-CN')).toBe('一百零五');
    expect(counterText(110, 'zh-CN')).toBe('一百一十');
    expect(counterText(999, 'zh-CN')).toBe('九百九十九');
    expect(chineseNumeralTokens(105)).toEqual(['1', 'hundred', '0', '5']);
  });
});

describe('planAnnouncement in English', () => {
  it('A001 to window 3', () => {
    expect(planAnnouncement(call('A001', 3), 'en-US', en)).toEqual({
      tokens: ['ticket', 'A', '0', '0', '1', 'please-go-to-window', '3'],
      text: 'Ticket A zero zero one, please go to window three.',
      clips: null,
    });
  });

  it('B120 to window 12: the window is one word', () => {
    const plan = planAnnouncement(call('B120', 12), 'en-US', en);
    expect(plan.tokens).toEqual(['ticket', 'B', '1', '2', '0', 'please-go-to-window', '12']);
    expect(plan.text).toBe('Ticket B one two zero, please go to window twelve.');
  });

  it('a recall says "Calling again." first', () => {
    const plan = planAnnouncement(call('A001', 3, true), 'en-US', en);
    expect(plan.tokens).toEqual(['calling-again', 'ticket', 'A', '0', '0', '1', 'please-go-to-window', '3']);
    expect(plan.text).toBe('Calling again. Ticket A zero zero one, please go to window three.');
  });

  it('reads 10–99 as English numbers', () => {
    const words = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
    const tensWords = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    for (let n = 10; n <= 99; n++) {
      const tens = Math.floor(n / 10);
      const ones = n % 10;
      const expected = n < 20 ? teens[n - 10] : `${tensWords[tens]}${ones ? ` ${words[ones]}` : ''}`;
      expect(counterText(n, 'en-US'), `window ${n}`).toBe(expected);
    }
    expect(englishNumberTokens(45)).toEqual(['40', '5']);
    expect(englishNumberTokens(105)).toEqual(['1', 'hundred', '5']);
    expect(counterText(120, 'en-US')).toBe('one hundred twenty');
  });
});

describe('clips', () => {
  const manifest: ClipManifest = {
    language: 'zh-CN',
    format: 'audio/ogg',
    tokens: { 请: 'qing.ogg', A: 'a.ogg', '0': '0.ogg', '1': '1.ogg', '3': '3.ogg', 号到: 'hd.ogg', 号窗口: 'hck.ogg', 办理: 'bl.ogg' },
  };

  it('lists the file of every token in order when the manifest covers them all', () => {
    expect(planAnnouncement(call('A001', 3), 'zh-CN', zh, manifest).clips).toEqual([
      'qing.ogg',
      'a.ogg',
      '0.ogg',
      '0.ogg',
      '1.ogg',
      'hd.ogg',
      '3.ogg',
      'hck.ogg',
      'bl.ogg',
    ]);
  });

  it('is null when one token is missing, so speech synthesis says the text instead', () => {
    // No clip for 十 (token '10') nor for 再次呼叫.
    expect(planAnnouncement(call('A001', 13), 'zh-CN', zh, manifest)).toMatchObject({ clips: null, text: '请A零零一号到十三号窗口办理' });
    expect(planAnnouncement(call('A001', 3, true), 'zh-CN', zh, manifest).clips).toBeNull();
  });

  it('does not take inherited object keys for clips', () => {
    const odd = planAnnouncement(call('A1', 1), 'zh-CN', { call: 'constructor{{number}}', recall: '', readings: {} }, manifest);
    expect(odd.tokens).toEqual(['constructor', 'A', '1']);
    expect(odd.clips).toBeNull();
  });

  it('the shipped packs cover every call: all letters, windows 1–999, recalls', () => {
    for (const [lang, templates] of [
      ['zh-CN', zh],
      ['en-US', en],
    ] as const) {
      const pack = shippedManifest(lang);
      expect(pack?.language).toBe(lang);
      for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
        for (let counter = 1; counter <= 999; counter += letter === 'A' ? 1 : 97) {
          for (const recall of [false, true]) {
            const plan = planAnnouncement(call(`${letter}0123456789`, counter, recall), lang, templates, pack ?? undefined);
            expect(plan.clips, `${lang} ${letter} window ${counter} recall ${recall}: ${plan.tokens.join(' ')}`).not.toBeNull();
          }
        }
      }
    }
  });
});

describe('parsing', () => {
  it('turns template text into tokens', () => {
    expect(phraseToken(', please go to window ')).toBe('please-go-to-window');
    expect(phraseToken('Calling again. ')).toBe('calling-again');
    expect(phraseToken('再次呼叫，')).toBe('再次呼叫');
    expect(phraseToken('. ')).toBe('');
  });

  it('keeps only clip paths inside the pack', () => {
    const parsed = parseClipManifest({
      language: 'zh-CN',
      format: 'audio/ogg',
      tokens: { a: 'a.ogg', b: '../b.ogg', c: 'http://x/c.ogg', d: 'sub/d.ogg', e: 3, f: '/f.ogg' },
    });
    expect(parsed?.tokens).toEqual({ a: 'a.ogg', d: 'sub/d.ogg' });
    expect(parseClipManifest([])).toBeNull();
    expect(parseClipManifest({ language: 'zh-CN' })).toBeNull();
  });

  it('rejects templates without the sentences', () => {
    expect(() => parseVoiceTemplates({ call: 'x', readings: {} })).toThrow(TypeError);
    expect(parseVoiceTemplates({ call: 'a', recall: 'b', readings: { '1': 'one', '2': 2 } }).readings).toEqual({ '1': 'one' });
  });
});
