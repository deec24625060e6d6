import { z } from 'zod';
import { contactPhoneSchema, creditCodeSchema, mobileSchema, residentIdSchema } from '../intake/identity-schemas.ts';
import { otherDocumentPattern, personIdTypes } from '../../../common/identity.ts';

/**
 * The customer on an application: a person or an enterprise, with an account number per
 * utility where they already have one (a transfer names the account being transferred).
 */

const nameSchema = z.string().trim().min(1).max(60);

const accountSchema = z.object({
  utility: z.string().trim().min(1).max(40),
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,40}$/, { message: 'field.accountNoFormat' }),
});

const accountsSchema = z
  .array(accountSchema)
  .max(20)
  .refine((accounts) => new Set(accounts.map((a) => a.utility)).size === accounts.length, { message: 'field.accountPerUtility' })
  .default([]);

const otherDocumentSchema = z.string().trim().regex(otherDocumentPattern, { message: 'field.documentNumberFormat' });

export const personCustomerSchema = (today?: () => string) =>
  z
    .object({
      kind: z.literal('person'),
      name: nameSchema,
      idType: z.enum(personIdTypes),
      idNumber: z.string(),
      mobile: mobileSchema,
      address: z.string().trim().max(200).optional(),
      accounts: accountsSchema,
    })
    // The number's rule depends on the document type, so it is checked after both are read.
    .superRefine((person, ctx) => {
      const schema = person.idType === 'residentId' ? residentIdSchema(today) : otherDocumentSchema;
      const parsed = schema.safeParse(person.idNumber);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['idNumber'] });
    })
    .overwrite((person) => {
      const schema = person.idType === 'residentId' ? residentIdSchema(today) : otherDocumentSchema;
      const parsed = schema.safeParse(person.idNumber);
      return parsed.success ? { ...person, idNumber: parsed.data } : person;
    });

export const enterpriseCustomerSchema = z.object({
  kind: z.literal('enterprise'),
  name: nameSchema,
  creditCode: creditCodeSchema,
  contactName: nameSchema,
  contactPhone: contactPhoneSchema,
  address: z.string().trim().max(200).optional(),
  accounts: accountsSchema,
});

export const customerSchema = (today?: () => string) => z.discriminatedUnion('kind', [personCustomerSchema(today), enterpriseCustomerSchema]);

export type Customer = z.output<ReturnType<typeof customerSchema>>;
