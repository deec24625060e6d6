import type { TFunction } from 'i18next';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { type AuditChange, type AuditValue, actionKey, auditChanges, fieldKey, JOINED } from './audit-changes.ts';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An action code as words: its own label, else "其他操作（人员）" by its domain — never the code. */
export function actionLabel(t: TFunction, action: string): string {
  const own = `ledgers:auditAction.${actionKey(action)}`;
  if (t(own, { defaultValue: '' })) return t(own);
  return t('ledgers:auditView.unknownAction', { domain: domainLabel(t, action.split('.')[0] ?? '') });
}

export function domainLabel(t: TFunction, domain: string): string {
  return t(`ledgers:auditDomain.${domain}`, { defaultValue: '' }) || t('ledgers:auditView.unknownDomain');
}

/** "staff:3" as 人员 3; a target of a kind without a label stays as recorded. */
export function targetLabel(t: TFunction, target: string | null): string {
  if (!target) return '';
  const [kind = '', ...rest] = target.split(':');
  const label = t(`ledgers:auditTarget.${kind}`, { defaultValue: '' });
  if (!label) return target;
  return rest.length === 0 ? label : t('ledgers:auditView.target', { kind: label, id: rest.join(':') });
}

export function fieldLabel(t: TFunction, path: string[]): string {
  if (path.length === 0) return t('ledgers:auditField.value');
  return path
    .map((segment) => {
      const key = fieldKey(segment);
      return key === undefined ? String(Number(segment) + 1) : t(`ledgers:auditField.${key}`, { defaultValue: segment });
    })
    .join(' · ');
}

/** Fields whose values are codes, and where their words are: a staff member's roles, a device's role. */
const codeWords: Readonly<Record<string, string>> = { roles: 'common:roles', role: 'common:roles' };

/** A recorded value as words; a list of codes (roles: clerk、manager) is worded item by item. */
export function valueText(t: TFunction, value: AuditValue | undefined, field?: string): string {
  if (value === undefined || value === null || value === '') return t('ledgers:auditView.none');
  if (typeof value === 'boolean') return t(value ? 'ledgers:auditView.yes' : 'ledgers:auditView.no');
  if (typeof value === 'string' && isoInstant.test(value)) return formatHallDateTime(value);
  const words = field === undefined ? undefined : codeWords[field];
  if (words && typeof value === 'string')
    return value
      .split(JOINED)
      .map((code) => t(`${words}.${code}`, { defaultValue: code }))
      .join(JOINED);
  return String(value);
}

/** One line per change, as text (the Excel export and the cell's tooltip). */
export function changesText(t: TFunction, changes: AuditChange[]): string {
  return changes.map((c) => `${fieldLabel(t, c.path)}：${changeText(t, c)}`).join('；');
}

function changeText(t: TFunction, c: AuditChange): string {
  const field = c.path.at(-1);
  if (c.before === undefined) return valueText(t, c.after, field);
  if (c.after === undefined) return `${valueText(t, c.before, field)} → ${t('ledgers:auditView.removed')}`;
  return `${valueText(t, c.before, field)} → ${valueText(t, c.after, field)}`;
}

/** The audit row's before/after as field lines: 姓名：李娜 → 李娜娜. */
export function AuditChanges({ t, before, after }: { t: TFunction; before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <span className="hint">{t('ledgers:auditView.none')}</span>;
  return (
    <ul className="audit-changes" title={changesText(t, changes)}>
      {changes.map((c) => (
        <li key={c.path.join('.')}>
          <span className="audit-field">{fieldLabel(t, c.path)}：</span>
          {changeText(t, c)}
        </li>
      ))}
    </ul>
  );
}
