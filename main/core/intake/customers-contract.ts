import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { anyStaff } from '../api/roles.ts';
import { customerSchema } from './customer.ts';
import { customerViewSchema } from './views.ts';

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
    summary: "One customer's full ID number and phone, for a stated reason; every reveal is audited with who and when.",
    roles: ['clerk', 'manager'],
    input: z.object({ customerId: z.number().int().positive(), reason: z.string().trim().min(2).max(200) }),
    output: z.object({ customerId: z.number().int(), idNumber: z.string(), phone: z.string() }),
  },
});
