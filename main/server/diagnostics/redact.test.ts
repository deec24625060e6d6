import { describe, expect, it } from 'vitest';
import { redactPersonalData, withoutSecrets } from './redact.ts';

describe('personal data in log lines', () => {
  it('removes ID numbers, mobile numbers and the values of name, phone and ID fields', () => {
    const line =
      '{"level":30,"msg":"intake for 110101199003077758 (x 11010119900307775X), call 13812345678 or +86 139-1234-5678","name":"张三","customerName":"李四","phone":"010-6512 3456"}';
    const out = redactPersonalData(line);
    expect(out).not.toMatch(/110101199003077758|11010119900307775X|13812345678|139-1234-5678|张三|李四|6512/);
    expect(out).toContain('[id-number]');
    expect(out).toContain('[phone]');
    expect(JSON.parse(out)).toMatchObject({ name: '[removed]', customerName: '[removed]', phone: '[removed]' });
  });

  it('leaves times, ids, ports and ticket numbers alone', () => {
    const line = '{"time":1764036000000,"pid":4242,"port":4720,"ticket":"A012","workOrder":"WO-20261125-0001","ms":12345678901234}';
    expect(redactPersonalData(line)).toBe(line);
  });

  it('removes secrets from settings, however deep', () => {
    expect(withoutSecrets({ role: 'kiosk', adminPin: { hash: 'x', salt: 'y' }, hall: { url: 'https://hall', pinnedKey: 'k' } })).toEqual({
      role: 'kiosk',
      adminPin: '[removed]',
      hall: { url: 'https://hall', pinnedKey: '[removed]' },
    });
  });
});
