import { align, bold, chineseMode, feedLines, initialize, line, partialCut, qrCode, textSize } from './escpos-commands.ts';
import { type BilingualTicketText, fill } from './ticket-text.ts';

/** What a ticket shows: the queue's printable ticket (main/core/queue/contract.ts) fits it as it is. */
export type TicketToPrint = {
  hallName: string;
  number: string;
  priority: 'normal' | 'priority' | 'appointment';
  categoryNameZh: string;
  categoryNameEn: string;
  ahead: number;
  estimatedWaitMinutes: number;
};

export type EncodeTicketOptions = {
  /** Absolute URL of the ticket's public status page (/t/<token>); the QR code carries it. */
  statusUrl: string;
  /** The ticket's words, already loaded from the `ticket` locale namespace. */
  text: BilingualTicketText;
  /** The issue time as the clock on the hall's wall reads it ("2025-03-03 09:00"): the caller knows the hall's time zone. */
  issuedAt: string;
  /** Characters per line at normal size: 32 on 58 mm paper (fits 80 mm too), 48 on 80 mm. */
  widthChars?: number;
};

/**
 * One queue ticket as ESC/POS bytes for a Chinese thermal printer. Pure: the same ticket
 * and options give the same bytes, which is what the golden file holds it to.
 */
export function encodeTicket(ticket: TicketToPrint, options: EncodeTicketOptions): Buffer {
  const { zh, en } = options.text;
  const rule = line('-'.repeat(options.widthChars ?? 32));
  const time = options.issuedAt;
  const both = (zhText: string, enText: string) => [line(zhText), line(enText)];
  const parts: Buffer[] = [initialize(), chineseMode(), align('center')];

  if (ticket.hallName) parts.push(bold(true), textSize(1, 2), line(ticket.hallName), textSize(1, 1), bold(false));
  parts.push(rule);
  // Four times the normal size: the number is what a customer compares with the board.
  parts.push(bold(true), textSize(4, 4), line(ticket.number), textSize(1, 1));
  if (ticket.priority !== 'normal') parts.push(line(`${zh.priority[ticket.priority]} ${en.priority[ticket.priority]}`));
  parts.push(textSize(1, 2), line(ticket.categoryNameZh), textSize(1, 1), bold(false), line(ticket.categoryNameEn));
  parts.push(rule);
  parts.push(...both(fill(zh.ahead, { ahead: ticket.ahead }), fill(en.ahead, { ahead: ticket.ahead })));
  parts.push(...both(fill(zh.wait, { minutes: ticket.estimatedWaitMinutes }), fill(en.wait, { minutes: ticket.estimatedWaitMinutes })));
  parts.push(...both(fill(zh.issuedAt, { time }), fill(en.issuedAt, { time })));
  // Module size 6 keeps a ~80-character URL near 25 mm wide: scannable, and inside 58 mm paper.
  parts.push(feedLines(1), qrCode(options.statusUrl, { moduleSize: 6, errorCorrection: 'M' }), line(''));
  parts.push(...both(zh.scan, en.scan));
  parts.push(rule, ...both(zh.footer, en.footer));
  parts.push(feedLines(2), partialCut());
  return Buffer.concat(parts);
}
