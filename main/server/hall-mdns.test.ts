import { describe, expect, it } from 'vitest';
import { advertiseHall, browseHalls } from './hall-mdns.ts';

const fingerprint = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

// Real multicast on this machine: two mDNS sockets on 224.0.0.251, one advertising, one browsing.
describe('the hall on the LAN by mDNS', () => {
  it('a browsing PC finds the advertising hall with its port, name and CA fingerprint', async () => {
    const advert = advertiseHall({ name: '朝阳区政务服务大厅', port: 4720, fingerprint });
    try {
      // Busy CI machines answer late: wait up to 5 s, stopping as soon as the hall is there.
      const found = await browseHalls(5000, { enough: (halls) => halls.some((h) => h.name === '朝阳区政务服务大厅') });
      const hall = found.find((h) => h.name === '朝阳区政务服务大厅');
      expect(hall).toBeDefined();
      expect(hall?.url).toMatch(/^https:\/\/[\d.]+:4720$/);
      expect(hall?.fingerprint).toBe(fingerprint);
    } finally {
      await advert.stop();
    }
  });

  it('finds nothing once the hall stopped advertising', async () => {
    const advert = advertiseHall({ name: 'Stopped hall', port: 4721, fingerprint: null });
    await advert.stop();
    const found = await browseHalls(400);
    expect(found.filter((h) => h.name === 'Stopped hall')).toEqual([]);
  });
});
