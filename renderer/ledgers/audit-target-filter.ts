/**
 * What the audit log's targets are about, in the order the filter offers them: the first part of
 * a target ("complaint:12"), each with its name under ledgers:auditTarget.
 */
export const auditTargetKinds = [
  'staff',
  'customer',
  'application',
  'applicationMaterial',
  'workOrder',
  'signature',
  'ticket',
  'counter',
  'category',
  'device',
  'complaint',
  'followUp',
  'followUpRule',
  'followUpPeriod',
  'rectification',
  'notice',
  'catalogue',
  'day',
  'year',
  'utility',
  'backup',
  'file',
  'database',
  'diagnostics',
  'hall',
] as const;

/**
 * The audit/list target filter from the two boxes a manager fills: a kind alone is every record of
 * that kind ("complaint:", a prefix), a kind and a number is that one record ("complaint:12").
 */
export function auditTargetFilter(kind: string, id: string): string | undefined {
  if (!kind) return undefined;
  const number = id.trim();
  return number ? `${kind}:${number}` : `${kind}:`;
}
