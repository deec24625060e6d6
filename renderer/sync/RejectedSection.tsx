import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { useQuery } from '../shared/use-api.ts';
import { ResendForm } from './ResendForm.tsx';

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
                  onCancel={() => setOpen(undefined)}
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
