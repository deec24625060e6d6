import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall } from '../../main/server/hall.ts';
import { defaultVoicePackDir } from '../../main/server/hall-server.ts';
import { startTestHall, type TestHall, tempDataDir, testHallClock } from './hall-fixture.ts';

const shippedDir = join(import.meta.dirname, '..', '..', 'resources', 'voice');

describe('the voice pack over HTTP', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(async () => {
    await hall?.stop();
  });

  it('defaults to the project resources/voice', () => {
    expect(defaultVoicePackDir()).toBe(shippedDir);
  });

  it('serves each language manifest', async () => {
    for (const lang of ['zh-CN', 'en-US']) {
      const response = await fetch(`${hall.url}/voice/${lang}/manifest.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const manifest = (await response.json()) as { language: string; tokens: Record<string, string> };
      expect(manifest).toEqual(JSON.parse(readFileSync(join(shippedDir, lang, 'manifest.json'), 'utf8')));
      expect(manifest.language).toBe(lang);
    }
  });

  it('serves a clip as audio, under the same security headers as the screens', async () => {
    const response = await fetch(`${hall.url}/voice/zh-CN/qing.ogg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^audio\/ogg/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(bytes.equals(readFileSync(join(shippedDir, 'zh-CN', 'qing.ogg')))).toBe(true);
  });

  it('answers 404 for a clip that is not there, and serves nothing outside the pack', async () => {
    expect((await fetch(`${hall.url}/voice/zh-CN/nothing.ogg`)).status).toBe(404);
    expect((await fetch(`${hall.url}/voice/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${hall.url}/voice/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});

describe('a hall recorded pack (--voice-pack DIR)', () => {
  let dir: string;
  let hall: TestHall;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-voice-'));
    mkdirSync(join(dir, 'zh-CN'));
    writeFileSync(join(dir, 'zh-CN', 'manifest.json'), JSON.stringify({ language: 'zh-CN', format: 'audio/wav', tokens: { 请: 'qing.wav' } }));
    // The start of a WAV header is enough for the server; nobody plays it here.
    writeFileSync(join(dir, 'zh-CN', 'qing.wav'), Buffer.from('RIFF$\0\0\0WAVEfmt '));
    hall = await startTestHall({ voicePackDir: dir });
  });
  afterAll(async () => {
    await hall?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is served instead of the generated one', async () => {
    const manifest = (await (await fetch(`${hall.url}/voice/zh-CN/manifest.json`)).json()) as { tokens: Record<string, string> };
    expect(manifest.tokens).toEqual({ 请: 'qing.wav' });
    const clip = await fetch(`${hall.url}/voice/zh-CN/qing.wav`);
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toMatch(/^audio\/(wav|wave|x-wav)/);
    expect((await fetch(`${hall.url}/voice/zh-CN/qing.ogg`)).status).toBe(404);
  });
});

describe('next to the screens', () => {
  it('a missing clip is a 404, not the single-page app', async () => {
    const dataDir = tempDataDir();
    const rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>OneWindow</title>');
    const hall = await startHall({ dataDir, port: 0, logLevel: 'silent', rendererDir, clock: testHallClock() });
    try {
      expect((await fetch(`${hall.url}/display`)).headers.get('content-type')).toMatch(/^text\/html/);
      expect((await fetch(`${hall.url}/voice/zh-CN/qing.ogg`)).status).toBe(200);
      const missing = await fetch(`${hall.url}/voice/zh-CN/nothing.ogg`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    } finally {
      await hall.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
