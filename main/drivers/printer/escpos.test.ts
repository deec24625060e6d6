import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeTicket, type TicketToPrint } from './escpos.ts';
import { hexdumpDiff, qrPayloads } from './escpos-inspect.ts';
import { ticketText } from './ticket-text.ts';

// The golden file is the ticket's bytes as checked once on a printer and by eye in the
// hexdump. A deliberate change (layout, a locale string) regenerates it with
//   UPDATE_GOLDEN=1 npx vitest run main/drivers/printer/escpos.test.ts
// and the new file is reviewed like code.
const goldenFile = join(import.meta.dirname, '__golden__', 'ticket-A001.bin');

const ticket = {
  number: 'A001',
  categoryNameZh: '综合业务',
  categoryNameEn: 'General Services',
  priority: 'normal',
  ahead: 3,
  estimatedWaitMinutes: 12,
  hallName: '北城政务服务中心',
} satisfies TicketToPrint;

const statusUrl = 'http://192.168.1.20:4720/t/Qm9yZWFsaXMtdGlja2V0LTAwMQ';
// 2025-03-03T01:00Z on the hall's wall in Shanghai (main/server/ticket-printer.ts reads it so).
const issuedAt = '2025-03-03 09:00';
const encode = (t: TicketToPrint = ticket, at = issuedAt) => encodeTicket(t, { statusUrl, text: ticketText, issuedAt: at });
const gb = (text: string) => iconv.encode(text, 'gb18030');

describe('encodeTicket', () => {
  it('matches the golden file byte for byte', () => {
    const bytes = encode();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenFile, bytes);
    expect(existsSync(goldenFile), `${goldenFile} is missing: run with UPDATE_GOLDEN=1 once`).toBe(true);
    const golden = readFileSync(goldenFile);
    // On a mismatch the report shows the differing hexdump rows, not two walls of numbers.
    expect(hexdumpDiff(golden, bytes), `differs from ${goldenFile}; if intended, regenerate with UPDATE_GOLDEN=1`).toBe('');
  });

  it('starts with ESC @ then Chinese mode, and ends with a partial cut', () => {
    const bytes = encode();
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect([...bytes.subarray(-4)]).toEqual([0x1d, 0x56, 0x42, 0x00]);
  });

  it('prints the Chinese text as GB18030 and the number four times the size', () => {
    const bytes = encode();
    expect(gb('综合业务')).toEqual(Buffer.from([0xd7, 0xdb, 0xba, 0xcf, 0xd2, 0xb5, 0xce, 0xf1]));
    for (const text of ['北城政务服务中心', '综合业务', '前方等候 3 人', '预计等候约 12 分钟', '取号时间 2025-03-03 09:00', 'General Services']) {
      expect(bytes.includes(gb(text)), text).toBe(true);
    }
    expect(bytes.includes(Buffer.concat([Buffer.from([0x1d, 0x21, 0x33]), gb('A001\n')]))).toBe(true);
    // No UTF-8 leaked through: 综 in UTF-8 starts e7 bb bc.
    expect(bytes.includes(Buffer.from('综', 'utf8'))).toBe(false);
  });

  it('stores exactly the status URL in one model-2 QR code with error correction M', () => {
    const bytes = encode();
    expect(qrPayloads(bytes)).toEqual([statusUrl]);
    expect(bytes.includes(Buffer.from([0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31]))).toBe(true);
  });

  it('prints the issue time it is given', () => {
    const bytes = encode(ticket, '2025-03-04 07:30');
    expect(bytes.includes(gb('取号时间 2025-03-04 07:30'))).toBe(true);
  });

  it('marks priority and appointment tickets in both languages', () => {
    expect(encode({ ...ticket, priority: 'priority' }).includes(gb('优先号 Priority ticket'))).toBe(true);
    expect(encode({ ...ticket, priority: 'appointment' }).includes(gb('预约号 Appointment'))).toBe(true);
    expect(encode().includes(gb('优先号'))).toBe(false);
  });

  it('draws the separator to the paper width', () => {
    expect(encode().includes(Buffer.from(`${'-'.repeat(32)}\n`))).toBe(true);
    const wide = encodeTicket(ticket, { statusUrl, text: ticketText, issuedAt, widthChars: 48 });
    expect(wide.includes(Buffer.from(`${'-'.repeat(48)}\n`))).toBe(true);
  });
});

describe('hexdumpDiff', () => {
  it('is empty for equal bytes and names the differing row otherwise', () => {
    const a = Buffer.from('0123456789abcdef0123456789abcdef');
    expect(hexdumpDiff(a, Buffer.from(a))).toBe('');
    const b = Buffer.from(a);
    b[20] = 0x58;
    expect(hexdumpDiff(a, b)).toBe(
      [
        'expected 32 bytes, got 32 bytes',
        '- 000010  30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  0123456789abcdef',
        '+ 000010  30 31 32 33 58 35 36 37 38 39 61 62 63 64 65 66  0123X56789abcdef',
      ].join('\n'),
    );
  });
});
