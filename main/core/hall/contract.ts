import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { allRoles } from '../api/roles.ts';

export const hallStatusSchema = z.object({
  hallName: z.string().nullable(),
  countersOpen: z.number().int(),
  countersPaused: z.number().int(),
  countersTotal: z.number().int(),
  ticketsWaiting: z.number().int(),
  ticketsServing: z.number().int(),
  at: z.string(),
});
export type HallStatus = z.output<typeof hallStatusSchema>;

/** The hall's time as every screen takes it: screens never derive "today" from their PC's calendar. */
export const hallTimeSchema = z.object({
  /** The hall clock's instant (ISO, UTC). */
  at: z.string(),
  /** The hall's IANA time zone; dates and times are shown in it whatever the PC's zone. */
  timeZone: z.string(),
  /** The hall's calendar day at `at`, YYYY-MM-DD. */
  day: z.string(),
  /** Years around this one without a holiday arrangement: a deadline falling in one is provisional. */
  unpublishedYears: z.array(z.number().int()),
});
export type HallTime = z.output<typeof hallTimeSchema>;

/** What a device needs to trust the hall: the fingerprint of the hall's CA, compared by eye or pinned by the desktop app. */
export const hallCertificateSchema = z.object({
  /** Whether the hall answers over HTTPS (it does on any address but 127.0.0.1, unless run with --insecure-http). */
  https: z.boolean(),
  /** SHA-256 of the CA certificate, `AB:CD:…`. */
  caFingerprint: z.string().nullable(),
  /** SHA-1 of the same certificate: Windows' certificate dialog shows this one as its 指纹 (thumbprint). */
  caThumbprint: z.string().nullable(),
  /** When the server certificate runs out (ISO); the hall renews it at a start within a month of that. */
  validUntil: z.string().nullable(),
});
export type HallCertificate = z.output<typeof hallCertificateSchema>;

/** When the hall serves people: what the desktop apps keep their updates out of. */
export const hallHoursSchema = z.object({
  /** The hall's IANA time zone the times are in. */
  timeZone: z.string(),
  /** The earliest opening and the latest closing of the active categories (HH:MM), or null with none active. */
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
});
export type HallHours = z.output<typeof hallHoursSchema>;

export const hallContract = defineMethods({
  'hall/certificate': {
    summary: "The hall's certificate authority: its fingerprint, for devices to trust the hall (the trust page, pairing, the desktop app's pin).",
    roles: ['public'],
    input: z.object({}),
    output: hallCertificateSchema,
  },
  'hall/status': {
    summary: 'Open counters and waiting tickets right now.',
    roles: allRoles,
    input: z.object({}),
    output: hallStatusSchema,
  },
  'hall/hours': {
    summary:
      "The hall's opening hours (earliest opening, latest closing of the active categories) in its time zone: the desktop apps install updates outside them.",
    roles: ['public'],
    input: z.object({}),
    output: hallHoursSchema,
  },
  'hall/time': {
    summary: "The hall clock's time, time zone and day: every screen's today.",
    roles: ['public'],
    input: z.object({}),
    output: hallTimeSchema,
  },
});
