import { describe, expect, it } from 'vitest';
import { clientVerdict } from './client-version.ts';

describe('which desktop apps the hall serves', () => {
  it('serves requests without the header (browsers, phones) and apps between the oldest served and its own version', () => {
    expect(clientVerdict(undefined, '0.4.0', '0.2.0')).toEqual({ kind: 'served' });
    expect(clientVerdict('desktop/0.2.0', '0.4.0', '0.2.0')).toEqual({ kind: 'served' });
    expect(clientVerdict('desktop/0.4.0', '0.4.0', '0.2.0')).toEqual({ kind: 'served' });
  });

  it('tells an older app, a newer one and an unreadable version to install the hall’s version', () => {
    expect(clientVerdict('desktop/0.1.9', '0.4.0', '0.2.0')).toEqual({ kind: 'refused', client: '0.1.9', install: '0.4.0' });
    expect(clientVerdict('desktop/0.5.0', '0.4.0', '0.2.0')).toEqual({ kind: 'refused', client: '0.5.0', install: '0.4.0' });
    expect(clientVerdict('desktop/latest', '0.4.0', '0.2.0')).toMatchObject({ kind: 'refused' });
  });
});
