import { z } from 'zod';
import type { OutboxRecordType } from '../../db/outbox.ts';
import type { BatchRecord } from '../../db/sync.ts';

/** The wire format both connectors speak; docs/sync-protocol.md is its description for the utilities. */
export const PROTOCOL = 'onewindow.sync/2';
export const MAX_BATCH_RECORDS = 500;

/**
 * A record's id on the wire: unique within the hall across record types, so an answer's list
 * of ids is never ambiguous (work order 5 and rating 5 are `wo-5` and `rt-5`).
 */
const PREFIX: Record<OutboxRecordType, string> = { workOrder: 'wo', rating: 'rt', complaint: 'cp', followUp: 'fu', erasure: 'er' };

export const wireId = (type: OutboxRecordType, recordId: string): string => `${PREFIX[type]}-${recordId}`;

/** The hall's work order id from what a utility sends back: `wo-123`, `"123"` or 123. */
export function workOrderIdOf(value: string | number): number | undefined {
  const text = String(value);
  const match = /^(?:wo-)?(\d{1,15})$/.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}

export type BatchHeader = { hall: string; utility: string; batchId: string; createdAt: string };

/**
 * The request body in pieces of about 16 KB, built around each record's stored JSON so
 * records are never parsed and re-serialised. Sent and signed piece by piece, the body never
 * exists as one large string: each piece stays out of V8's large-object space (collected only
 * by full collections), and a write per piece keeps the socket busy. The same batch always
 * gives the same bytes.
 */
export function batchBodyParts(header: BatchHeader, records: readonly BatchRecord[], pieceSize = 16 * 1024): string[] {
  const pieces: string[] = [];
  let piece =
    `{"protocol":"${PROTOCOL}","hall":${JSON.stringify(header.hall)},"utility":${JSON.stringify(header.utility)},` +
    `"batchId":${JSON.stringify(header.batchId)},"createdAt":${JSON.stringify(header.createdAt)},"records":[`;
  records.forEach((r, i) => {
    piece += `${i === 0 ? '' : ','}{"type":"${r.type}","id":${JSON.stringify(wireId(r.type, r.recordId))},"version":${r.version},"data":${r.data}}`;
    if (piece.length >= pieceSize) {
      pieces.push(piece);
      piece = '';
    }
  });
  pieces.push(`${piece}]}`);
  return pieces;
}

export const batchBody = (header: BatchHeader, records: readonly BatchRecord[]): string => batchBodyParts(header, records).join('');

export const batchAnswerSchema = z.object({
  batchId: z.string(),
  accepted: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type BatchAnswer = z.output<typeof batchAnswerSchema>;

export const updateStatuses = ['taken', 'in_progress', 'completed', 'returned'] as const;

export const utilityUpdateSchema = z.object({
  workOrderId: z.union([z.string(), z.number()]),
  status: z.enum(updateStatuses),
  at: z.string().min(1),
  note: z.string().nullish(),
});
export type UtilityUpdate = z.output<typeof utilityUpdateSchema>;

/** The page's frame: its entries are read one by one (readUpdates), so one bad entry spoils only itself. */
export const updatesPageSchema = z.object({
  cursor: z.string().nullable(),
  updates: z.array(z.unknown()),
});

/** An entry the hall could not read: kept aside with why, for the manager; the rest of the page is applied. */
export type InvalidUpdate = { index: number; raw: string; problem: 'unknownStatus' | 'missingField' | 'invalid'; field: string | null };

export type UpdatesPage = { cursor: string | null; updates: UtilityUpdate[]; invalid: InvalidUpdate[] };

/** Splits a page's entries into the updates to apply and those to quarantine. */
export function readUpdates(cursor: string | null, entries: readonly unknown[]): UpdatesPage {
  const updates: UtilityUpdate[] = [];
  const invalid: InvalidUpdate[] = [];
  entries.forEach((entry, index) => {
    const parsed = utilityUpdateSchema.safeParse(entry);
    if (parsed.success) {
      updates.push(parsed.data);
      return;
    }
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || null;
    const problem =
      field === 'status' && issue?.code === 'invalid_value'
        ? 'unknownStatus'
        : issue?.code === 'invalid_type' && issue.input === undefined
          ? 'missingField'
          : 'invalid';
    invalid.push({ index, raw: JSON.stringify(entry ?? null).slice(0, 2000), problem, field });
  });
  return { cursor, updates, invalid };
}
