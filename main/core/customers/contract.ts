import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { anyStaff, managers } from '../api/roles.ts';
import { daySchema } from '../calendar/working-calendar.ts';
import { customerSchema } from './customer.ts';
import { customerViewSchema } from '../intake/views.ts';

/** Why a full ID number or phone may be looked at: chosen from a list, not typed, so the report of reveals reads. */
export const revealReasons = ['verifyIdentity', 'contactCustomer', 'correctRecord', 'utilityRequest'] as const;

/** Reveals a clerk may make in one hall day; the next is refused and the managers are alerted. */
export const REVEAL_DAILY_CAP = 20;

/** Customers: found again by ID, phone or account so nothing is asked twice; shown masked. */
export const customersContract = defineMethods({
  'customers/find': {
    summary: 'Returning customers by full ID number or credit code, phone, utility account number or name prefix (masked).',
    roles: anyStaff,
    input: z
      .object({
        idNumber: z.string().trim().min(5).max(30).optional(),
        phone: z.string().trim().min(5).max(20).optional(),
        accountNo: z.string().trim().min(1).max(40).optional(),
        name: z.string().trim().min(2).max(60).optional(),
      })
      .refine((f) => Boolean(f.idNumber || f.phone || f.accountNo || f.name), { message: 'field.searchCriterion', path: ['idNumber'] }),
    output: z.array(customerViewSchema),
  },
  'customers/save': {
    summary: 'Creates a customer, or updates the contact details and adds accounts of the one with the same ID (audited, masked).',
    roles: anyStaff,
    input: z.object({ customer: customerSchema() }),
    output: customerViewSchema,
  },
  'customers/reveal': {
    summary:
      "One customer's full ID number and phone, for a reason from the list; a clerk only for the customer they are serving, within a daily cap; every reveal audited.",
    roles: ['clerk', 'manager'],
    input: z.object({ customerId: z.number().int().positive(), reason: z.enum(revealReasons), note: z.string().trim().max(200).optional() }),
    output: z.object({ customerId: z.number().int(), idNumber: z.string(), phone: z.string() }),
  },
  'customers/reveals': {
    summary: "Who saw which customers' full ID and phone in a period, and who reached the daily cap: the manager's report of reveals.",
    roles: managers,
    input: z.object({ fromDay: daySchema, toDay: daySchema }),
    output: z.object({
      entries: z.array(
        z.object({
          at: z.string(),
          staffId: z.number().int().nullable(),
          staffName: z.string().nullable(),
          target: z.string().nullable(),
          reason: z.string().nullable(),
        }),
      ),
      perStaff: z.array(z.object({ staffId: z.number().int(), staffName: z.string(), count: z.number().int() })),
    }),
  },
});
