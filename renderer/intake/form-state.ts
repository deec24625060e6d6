import type { PersonIdType } from '../../common/identity.ts';
import type { CustomerView } from '../../main/core/intake/views.ts';
import { newIdempotencyKey } from './idempotency-key.ts';

/**
 * Everything the clerk has typed on the intake form, as one plain object: it is what the
 * draft saves (intake/saveDraft) and what a reload restores, so it holds only JSON.
 */

export type MaterialState = 'received' | 'deferred' | 'na';
export type Decision = { state: MaterialState; promisedDate?: string };

export type CustomerFields = {
  kind: 'person' | 'enterprise';
  name: string;
  idType: PersonIdType;
  idNumber: string;
  mobile: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  address: string;
};

export type IntakeDraft = {
  version: 1;
  /** The same key for every retry of this form's submission: a double click makes one record. */
  idempotencyKey: string;
  /** A returning customer picked from customers/find (masked); the typed fields are then unused. */
  found: CustomerView | null;
  customer: CustomerFields;
  bundle: string | null;
  businesses: string[];
  /** The account number each utility's matters concern (for a transfer, the account being transferred). */
  accounts: Record<string, string>;
  materials: Record<string, Decision>;
  quantities: Record<string, number>;
  optionalChosen: string[];
  signatureRequestId: number | null;
};

export const emptyCustomer: CustomerFields = {
  kind: 'person',
  name: '',
  idType: 'residentId',
  idNumber: '',
  mobile: '',
  creditCode: '',
  contactName: '',
  contactPhone: '',
  address: '',
};

export const emptyDraft = (): IntakeDraft => ({
  version: 1,
  idempotencyKey: newIdempotencyKey(),
  found: null,
  customer: emptyCustomer,
  bundle: null,
  businesses: [],
  accounts: {},
  materials: {},
  quantities: {},
  optionalChosen: [],
  signatureRequestId: null,
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The entries of a saved map whose values pass `keep`; the others (an older shape) are dropped. */
const entriesOf = <V>(saved: unknown, keep: (v: unknown) => v is V): Record<string, V> =>
  isRecord(saved) ? Object.fromEntries(Object.entries(saved).filter((e): e is [string, V] => keep(e[1]))) : {};
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isDecision = (v: unknown): v is Decision =>
  isRecord(v) && (v.state === 'received' || v.state === 'deferred' || v.state === 'na') && (v.promisedDate === undefined || typeof v.promisedDate === 'string');

/** A saved draft back as a form; anything unreadable (an older shape) starts afresh rather than half-filled. */
export function restoreDraft(saved: Record<string, unknown>): IntakeDraft {
  const base = emptyDraft();
  if (saved.version !== 1 || typeof saved.idempotencyKey !== 'string') return base;
  const customer = isRecord(saved.customer) ? saved.customer : {};
  return {
    ...base,
    idempotencyKey: saved.idempotencyKey,
    found: isRecord(saved.found) ? (saved.found as CustomerView) : null,
    customer: { ...emptyCustomer, ...(customer as Partial<CustomerFields>) },
    bundle: typeof saved.bundle === 'string' ? saved.bundle : null,
    businesses: Array.isArray(saved.businesses) ? saved.businesses.filter((b): b is string => typeof b === 'string') : [],
    accounts: entriesOf(saved.accounts, isString),
    materials: entriesOf(saved.materials, isDecision),
    quantities: entriesOf(saved.quantities, isNumber),
    optionalChosen: Array.isArray(saved.optionalChosen) ? saved.optionalChosen.filter((k): k is string => typeof k === 'string') : [],
    signatureRequestId: typeof saved.signatureRequestId === 'number' ? saved.signatureRequestId : null,
  };
}

/** Whether the clerk has typed or picked anything worth keeping. */
export const isBlank = (d: IntakeDraft): boolean =>
  !d.found && !d.customer.name && !d.customer.idNumber && !d.customer.creditCode && !d.customer.mobile && !d.bundle && d.businesses.length === 0;

export const selectionOf = (d: IntakeDraft) => ({ ...(d.bundle ? { bundle: d.bundle } : {}), businesses: d.businesses });
export const hasSelection = (d: IntakeDraft): boolean => d.bundle !== null || d.businesses.length > 0;
export const feesOf = (d: IntakeDraft) => ({ quantities: d.quantities, optionalChosen: d.optionalChosen });

/** Decisions as the API takes them: a deferral's empty date left out rather than sent as "". */
export function decisionsOf(d: IntakeDraft): Record<string, Decision> {
  const out: Record<string, Decision> = {};
  for (const [code, decision] of Object.entries(d.materials)) {
    out[code] = decision.state === 'deferred' && decision.promisedDate ? { state: 'deferred', promisedDate: decision.promisedDate } : { state: decision.state };
  }
  return out;
}

const trimmed = (s: string) => s.trim();
const optional = (s: string) => (s.trim() ? { address: s.trim() } : {});

/** The customer as intake/submit takes it: the one found, or the one typed. */
export function customerOf(d: IntakeDraft) {
  if (d.found) return { customerId: d.found.id };
  const c = d.customer;
  if (c.kind === 'person') {
    return {
      customer: {
        kind: 'person' as const,
        name: trimmed(c.name),
        idType: c.idType,
        idNumber: c.idNumber,
        mobile: c.mobile,
        ...optional(c.address),
        accounts: [],
      },
    };
  }
  return {
    customer: {
      kind: 'enterprise' as const,
      name: trimmed(c.name),
      creditCode: c.creditCode,
      contactName: trimmed(c.contactName),
      contactPhone: c.contactPhone,
      ...optional(c.address),
      accounts: [],
    },
  };
}

/** Accounts typed for the utilities still on the form. */
export function accountsOf(d: IntakeDraft, utilities: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const u of utilities) {
    const no = d.accounts[u]?.trim();
    if (no) out[u] = no;
  }
  return out;
}
