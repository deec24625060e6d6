import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { DialogActions } from '../shared/DialogActions.tsx';
import { Field } from '../shared/Field.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { useMutation } from '../shared/use-api.ts';
import { applyCorrections, pathKey, type RecordValue, recordFields } from './record-fields.ts';

export type RejectedRecord = {
  seq: number;
  type: string;
  recordId: string;
  version: number;
  reason: string;
  answeredAt: string | null;
  data: Record<string, unknown>;
};

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (a due day, a reply day) in the screen's language; it is a day, not an instant, so no zone moves it. */
const dayText = (day: string, lng: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(lng, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
const fenKeys = new Set(['priceFen', 'amountFen']);

/** Fields whose value is a code the hall already words elsewhere: shown in those words, never the code. */
const valueWords: Record<string, Record<string, string>> = {
  workOrder: { status: 'worklists:status', kind: 'intake:customer.kind', idType: 'intake:customer.idTypes' },
  complaint: { channel: 'ledgers:channel', state: 'ledgers:state', method: 'ledgers:replyMethod' },
  followUp: { method: 'ledgers:followUpMethod' },
};

/** "事项 1 · 用户号": each field by its translated name, a list's item by its number. */
function fieldLabel(t: TFunction, path: string[]): string {
  return path
    .map((segment) =>
      /^\d+$/.test(segment) ? String(Number(segment) + 1) : t(`sync:rejected.field.${segment}`, { defaultValue: '' }) || t('sync:rejected.field.other'),
    )
    .join(' · ');
}

function valueText(t: TFunction, type: string, path: string[], value: RecordValue, lng: string): string {
  if (value === null || value === '') return t('sync:rejected.empty');
  const words = valueWords[type]?.[path[path.length - 1] ?? ''];
  if (words && typeof value === 'string') return t(`${words}.${value}`, { defaultValue: value });
  if (typeof value === 'boolean') return t(value ? 'sync:rejected.yes' : 'sync:rejected.no');
  if (typeof value === 'number' && fenKeys.has(path[path.length - 1] ?? '')) return t('sync:rejected.yuan', { amount: (value / 100).toFixed(2) });
  if (typeof value === 'string' && isoInstant.test(value)) return formatHallDateTime(value, lng);
  if (typeof value === 'string' && isoDay.test(value)) return dayText(value, lng);
  return String(value);
}

/**
 * 更正并重发: the refused record as its fields, the ones a manager may correct as inputs (the
 * personal ones masked as every list shows them), the rest to check against. Unchanged, the
 * record is resent as the hall has it now; changed, the corrected copy goes (sync/resend).
 */
export function ResendForm({ record, onDone, onCancel }: { record: RejectedRecord; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const resend = useMutation('sync/resend');
  const fields = useMemo(() => recordFields(record.type, record.data), [record]);
  const [edits, setEdits] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.filter((f) => f.editable).map((f) => [pathKey(f.path), f.value === null ? '' : String(f.value)])),
  );
  const title = t('sync:rejected.formTitle', { record: `${t(`sync:type.${record.type}`)} ${record.recordId}` });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data = applyCorrections(record.type, record.data, edits);
    if (await resend.run({ seq: record.seq, ...(data ? { data } : {}) })) onDone();
  };

  return (
    <form className="sync-resend" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <p className="hint">{t('sync:rejected.hint')}</p>
      <ErrorBanner error={resend.error} />
      <div className="sync-resend-fields">
        {fields
          .filter((f) => f.editable)
          .map((f) => {
            const key = pathKey(f.path);
            return <Field key={key} label={fieldLabel(t, f.path)} value={edits[key] ?? ''} onChange={(e) => setEdits({ ...edits, [key]: e.target.value })} />;
          })}
      </div>
      <dl className="sync-resend-readonly" aria-label={t('sync:rejected.readOnly')}>
        {fields
          .filter((f) => !f.editable)
          .map((f) => (
            <div key={pathKey(f.path)}>
              <dt>{fieldLabel(t, f.path)}</dt>
              <dd>{valueText(t, record.type, f.path, f.value, i18n.language)}</dd>
            </div>
          ))}
      </dl>
      <DialogActions submitText={t('sync:rejected.resend')} pending={resend.pending} cancelText={t('sync:rejected.cancel')} onCancel={onCancel} />
    </form>
  );
}
