import { z } from 'zod';
import enUS from '../../../resources/locales/en-US/ticket.json' with { type: 'json' };
import zhCN from '../../../resources/locales/zh-CN/ticket.json' with { type: 'json' };

/**
 * The words on a printed ticket. They live in the renderer's `ticket` locale namespace
 * like every user-facing string, so the on-screen / A4 ticket and the thermal one say
 * the same thing; the hall server reads the same JSON files here.
 */
export const ticketTextSchema = z.object({
  ahead: z.string(),
  wait: z.string(),
  issuedAt: z.string(),
  priority: z.object({ priority: z.string(), appointment: z.string() }),
  scan: z.string(),
  footer: z.string(),
});
export type TicketText = z.output<typeof ticketTextSchema>;

/** A ticket is bilingual: Chinese first, English under it. */
export type BilingualTicketText = { zh: TicketText; en: TicketText };

// Parsed once at start-up: a broken locale file fails the hall's start, not a customer's ticket.
export const ticketText: BilingualTicketText = { zh: ticketTextSchema.parse(zhCN), en: ticketTextSchema.parse(enUS) };

/** i18next-style {{name}} interpolation, enough for the ticket's few placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
