import { describe, expect, it } from 'vitest';
import { maskRecord, unmaskFrom } from './mask.ts';

const workOrder = {
  caseNumber: 'Q20261125-0001',
  customer: { name: '王芳', idNumber: '110105194912310021', phone: '13912345678' },
  contacts: [{ mobile: '13800001111' }],
};

describe('records shown in lists', () => {
  it('mask every phone and ID number at any depth, and nothing else', () => {
    expect(maskRecord(workOrder)).toEqual({
      caseNumber: 'Q20261125-0001',
      customer: { name: '王芳', idNumber: '110105********0021', phone: '139****5678' },
      contacts: [{ mobile: '138****1111' }],
    });
  });

  it('take a correction of the masked copy without sending masked values on', () => {
    const shown = maskRecord(workOrder) as typeof workOrder;
    const corrected = { ...shown, customer: { ...shown.customer, name: '王芳芳' }, contacts: [{ mobile: '13700002222' }] };
    expect(unmaskFrom(corrected, workOrder)).toEqual({
      caseNumber: 'Q20261125-0001',
      customer: { name: '王芳芳', idNumber: '110105194912310021', phone: '13912345678' },
      contacts: [{ mobile: '13700002222' }],
    });
  });
});
