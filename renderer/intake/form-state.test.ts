import { describe, expect, it } from 'vitest';
import { customerOf, decisionsOf, emptyDraft, isBlank, restoreDraft } from './form-state.ts';

describe('the intake form as a draft', () => {
  it('comes back from a saved draft as it was typed', () => {
    const draft = { ...emptyDraft(), bundle: 'propertyTransfer', materials: { idCard: { state: 'received' as const } }, signatureRequestId: 7 };
    draft.customer = { ...draft.customer, name: '王芳', idNumber: '11010519900307002X' };
    const saved: Record<string, unknown> = JSON.parse(JSON.stringify(draft));
    expect(restoreDraft(saved)).toEqual(draft);
  });

  it('starts afresh from a draft it cannot read, rather than half-filled', () => {
    const restored = restoreDraft({ version: 99, customer: { name: 'x' } });
    expect(isBlank(restored)).toBe(true);
    expect(restored.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps one idempotency key per form, a new one per new form', () => {
    expect(emptyDraft().idempotencyKey).not.toBe(emptyDraft().idempotencyKey);
  });

  it('sends a deferral without a date as a deferral without a date, not as an empty date', () => {
    const draft = {
      ...emptyDraft(),
      materials: { propertyCertificate: { state: 'deferred' as const, promisedDate: '' }, idCard: { state: 'received' as const, promisedDate: '2026-12-01' } },
    };
    expect(decisionsOf(draft)).toEqual({ propertyCertificate: { state: 'deferred' }, idCard: { state: 'received' } });
  });

  it('sends a returning customer by id, a new one as typed', () => {
    const found = {
      id: 5,
      kind: 'person' as const,
      name: '王芳',
      idType: 'residentId',
      idMasked: '110105********002X',
      phoneMasked: '139****5678',
      contactName: null,
      address: null,
      accounts: [],
    };
    expect(customerOf({ ...emptyDraft(), found })).toEqual({ customerId: 5 });
    const typed = { ...emptyDraft() };
    typed.customer = {
      ...typed.customer,
      kind: 'enterprise',
      name: ' 重庆某某公司 ',
      creditCode: '91500000MA5U000000',
      contactName: '李明',
      contactPhone: '023-63661234',
    };
    expect(customerOf(typed)).toEqual({
      customer: { kind: 'enterprise', name: '重庆某某公司', creditCode: '91500000MA5U000000', contactName: '李明', contactPhone: '023-63661234', accounts: [] },
    });
  });
});
