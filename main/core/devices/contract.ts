import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { deviceRoles, everyone, adminOnly, managers } from '../api/roles.ts';
import { printerConfigSchema } from '../../../common/printer-address.ts';

export const deviceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(deviceRoles),
  counterId: z.number().int().nullable(),
  pairedAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const devicesContract = defineMethods({
  'devices/issuePairingCode': {
    summary: 'Issues a one-time six-digit code that pairs a kiosk, display or rating screen.',
    roles: managers,
    input: z.object({
      role: z.enum(deviceRoles),
      name: z.string().trim().min(1).max(40),
      counterId: z.number().int().positive().nullable().default(null),
    }),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
  },
  'devices/pair': {
    summary: 'A screen trades a pairing code for its own long-lived device session.',
    roles: everyone,
    input: z.object({
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, { message: 'field.pairingCodeFormat' }),
    }),
    // The hall CA's fingerprint, so the device can be told whom to trust from now on (docs/security.md).
    output: z.object({ token: z.string(), expiresAt: z.string(), device: deviceSchema, hallCertificate: z.string().nullable() }),
  },
  'devices/list': {
    summary: 'Paired devices.',
    roles: managers,
    input: z.object({}),
    output: z.array(deviceSchema),
  },
  'devices/revoke': {
    summary: 'Unpairs a device and ends its session.',
    roles: managers,
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({}),
  },
  'devices/setCounter': {
    summary: 'Binds a rating screen or a board to a counter (所属窗口), or unbinds it with null; audited.',
    roles: managers,
    input: z.object({ id: z.number().int().positive(), counterId: z.number().int().positive().nullable() }),
    output: deviceSchema,
  },
  'devices/setPrinter': {
    summary: "Sets a kiosk's ticket printer (TCP 9100, serial, or the screen); null falls back to the hall default.",
    roles: adminOnly,
    input: z.object({ deviceId: z.number().int().positive(), printer: printerConfigSchema.nullable() }),
    output: z.object({ deviceId: z.number().int(), printer: printerConfigSchema.nullable() }),
  },
  'devices/getPrinter': {
    summary: "A kiosk's own ticket printer; null when it uses the hall default.",
    roles: managers,
    input: z.object({ deviceId: z.number().int().positive() }),
    output: z.object({ deviceId: z.number().int(), printer: printerConfigSchema.nullable() }),
  },
});
