import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';

type Rejected = { seq: number; type: string; recordId: string; version: number; reason: string; answeredAt: string | null; data: Record<string, unknown> };

/** Records the utility refused, with its reason; the manager corrects the fields it names and sends the record again. */
export function RejectedSection({ utility, onChanged }: { utility: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const rejected = useQuery('sync/rejected', { utility, limit: 50 }, { refreshOn: ['sync/progress'] });
  const [open, setOpen] = useState<number>();
  const rows = rejected.data ?? [];
  return (
    <section aria-label={t('sync:rejected.title')}>
      <h3>{t('sync:rejected.title')}</h3>
      <ErrorBanner error={rejected.error} />
      {rows.length === 0 ? (
        <p className="hint">{t('sync:rejected.none')}</p>
      ) : (
        <ul className="sync-rejected">
          {rows.map((r) => (
            <li key={r.seq}>
              <div>
                <strong>
                  {t(`sync:type.${r.type}`)} {r.recordId}
                </strong>{' '}
                · {t('sync:rejected.version', { version: r.version })} · <span className="sync-reason">{r.reason}</span>
              </div>
              {open === r.seq ? (
                <ResendForm
                  record={r}
                  onDone={() => {
                    setOpen(undefined);
                    rejected.reload();
                    onChanged();
                  }}
                />
              ) : (
                <button type="button" className="secondary" onClick={() => setOpen(r.seq)}>
                  {t('sync:rejected.correct')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The record's data as JSON text: the manager edits what the reason names; sending it unchanged resends it as it is. */
function ResendForm({ record, onDone }: { record: Rejected; onDone: () => void }) {
  const { t } = useTranslation();
  const resend = useMutation('sync/resend');
  const original = JSON.stringify(record.data, null, 2);
  const [text, setText] = useState(original);
  const [invalid, setInvalid] = useState(false);
  const submit = async () => {
    let data: Record<string, unknown> | undefined;
    if (text !== original) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        data = Object.fromEntries(Object.entries(parsed));
      } catch {
        setInvalid(true);
        return;
      }
    }
    setInvalid(false);
    if (await resend.run({ seq: record.seq, ...(data ? { data } : {}) })) onDone();
  };
  return (
    <div className="sync-resend">
      <ErrorBanner error={resend.error} />
      <label>
        {t('sync:rejected.data')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={Math.min(16, original.split('\n').length + 1)} spellCheck={false} />
      </label>
      {invalid && (
        <div className="field-error" role="alert">
          {t('sync:rejected.invalidJson')}
        </div>
      )}
      <button type="button" disabled={resend.pending} onClick={() => void submit()}>
        {t('sync:rejected.resend')}
      </button>
    </div>
  );
}
