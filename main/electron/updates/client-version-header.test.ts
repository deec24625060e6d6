import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it sends no request; the test calls the listener as Chromium would).
vi.mock('electron', () => import('../../../test/electron-fake/electron.ts'));
const fake = await import('../../../test/electron-fake/electron.ts');
const { sendClientVersion } = await import('./client-version-header.ts');

describe('the version header on the pages’ requests', () => {
  beforeEach(() => fake.resetElectronFake());

  it('adds X-OneWindow-Client: desktop/<version> to requests for the hall’s origin only', () => {
    sendClientVersion(fake.session.defaultSession as never, 'https://hall.local:4720', '1.4.2');
    const hook = fake.session.defaultSession.beforeSendHeaders;
    expect(hook?.filter).toEqual({ urls: ['https://hall.local:4720/*'] });
    let sent: unknown;
    hook?.listener({ url: 'https://hall.local:4720/api/queue/call', requestHeaders: { Accept: 'application/json' } }, (answer: unknown) => (sent = answer));
    expect(sent).toEqual({ requestHeaders: { Accept: 'application/json', 'X-OneWindow-Client': 'desktop/1.4.2' } });
  });
});
