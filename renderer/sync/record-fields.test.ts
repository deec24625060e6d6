import { describe, expect, it } from 'vitest';
import { applyCorrections, isEditable, recordFields } from './record-fields.ts';

// A work order as sync/rejected shows it: the ID number and phone already masked by the core.
const workOrder = {
  status: 'accepted',
  acceptedAt: '2026-11-25T02:00:00.000Z',
  dueDay: '2026-12-02',
  customer: {
    kind: 'person',
    name: '李娜',
    idType: 'residentId',
    idNumber: '5001**********1234',
    contactName: null,
    phone: '138****5678',
    address: '渝北区金开大道 1 号',
  },
  matters: [
    {
      caseNumber: 'GAS-1',
      business: 'gas.transfer',
      accountNo: null,
      dueDay: '2026-12-02',
      stages: [{ code: 'accept', name: '受理', dueDay: '2026-11-25', completedAt: null }],
    },
  ],
  fees: [{ business: 'gas.transfer', fee: 'f1', name: '过户费', priceFen: 5000, quantity: 1, amountFen: 5000, included: true }],
  deferredMaterials: [],
};

describe('a rejected record as a form', () => {
  it('lists every field in order, and lets the customer and 用户号 be corrected but not status, dates or fees', () => {
    const fields = recordFields('workOrder', workOrder);
    const editable = fields.filter((f) => f.editable).map((f) => f.path.join('.'));
    expect(editable).toEqual(['customer.name', 'customer.idNumber', 'customer.contactName', 'customer.phone', 'customer.address', 'matters.0.accountNo']);
    expect(fields.find((f) => f.path.join('.') === 'fees.0.amountFen')).toEqual({ path: ['fees', '0', 'amountFen'], value: 5000, editable: false });
    expect(fields[0]).toEqual({ path: ['status'], value: 'accepted', editable: false });
    // A masked value is shown as the core masked it.
    expect(fields.find((f) => f.path.join('.') === 'customer.phone')?.value).toBe('138****5678');
  });

  it('leaves a rating and an unknown type wholly read-only, and joins a list of plain values into one line', () => {
    const rating = recordFields('rating', { level: 'satisfied', reasons: ['态度好', '效率高'], comment: '很好' });
    expect(rating.every((f) => !f.editable)).toBe(true);
    expect(rating.find((f) => f.path[0] === 'reasons')?.value).toBe('态度好、效率高');
    expect(isEditable('erasure', ['customer', 'name'])).toBe(false);
  });

  it('sends nothing when nothing changed, else a copy with only the editable corrections', () => {
    expect(applyCorrections('workOrder', workOrder, {})).toBeUndefined();
    expect(applyCorrections('workOrder', workOrder, { 'customer.phone': '138****5678', 'customer.contactName': '' })).toBeUndefined();
    const corrected = applyCorrections('workOrder', workOrder, {
      'matters.0.accountNo': ' Q8800123 ',
      'customer.address': '渝北区金开大道 2 号',
      status: 'done',
      'fees.0.amountFen': '1',
    });
    expect(corrected).toMatchObject({
      status: 'accepted',
      matters: [{ accountNo: 'Q8800123' }],
      customer: { address: '渝北区金开大道 2 号', phone: '138****5678' },
      fees: [{ amountFen: 5000 }],
    });
    // The original is left as it was.
    expect(workOrder.matters[0]?.accountNo).toBeNull();
  });
});
