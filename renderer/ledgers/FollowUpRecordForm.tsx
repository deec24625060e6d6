import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation } from '../shared/use-api.ts';

type Task = OutputOf<Contract['followups/month']>['tasks'][number];

const levels = [5, 4, 3, 2, 1] as const;

/** The result of one follow-up: how, whether the customer was reached, satisfaction, and each problem found on its own line. */
export function FollowUpRecordForm({ task, onClose, onDone }: { task: Task; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useMutation('followups/record');
  const reveal = useMutation('customers/reveal');
  const fieldError = useFieldError(record.error);
  const [method, setMethod] = useState<'phone' | 'visit'>('phone');
  const [reached, setReached] = useState(true);
  const [satisfaction, setSatisfaction] = useState<number>(5);
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState('');
  const [phone, setPhone] = useState<string>();
  const done = task.state !== 'open';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await record.run({
      taskId: task.id,
      method,
      reached,
      ...(reached ? { satisfaction } : {}),
      ...(notes.trim() ? { notes } : {}),
      problems: problems
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
    });
    if (result) onDone();
  };

  return (
    <section className="card" aria-labelledby="followup-record-title">
      <h2 id="followup-record-title">{t('ledgers:followUp.recordTitle', { id: task.id })}</h2>
      <p className="ledger-actions">
        <span>{`${task.customer} ${phone ?? task.phone ?? ''}`}</span>
        {!phone && (
          // The number to call is the customer's full phone: shown only through the audited reveal.
          <button
            type="button"
            className="secondary"
            disabled={reveal.pending}
            onClick={() => void reveal.run({ customerId: task.customerId, reason: 'contactCustomer' }).then((r) => r && setPhone(r.phone))}
          >
            {t('ledgers:followUp.showPhone')}
          </button>
        )}
      </p>
      <ErrorBanner error={reveal.error} />
      {done ? (
        <p>
          {t(`ledgers:taskState.${task.state}`)} · {task.doneDay} · {task.notes ?? ''}
        </p>
      ) : (
        <form className="ledger-form" onSubmit={(e) => void submit(e)}>
          <div className="row">
            <label>
              {t('ledgers:followUp.method')}
              <select value={method} onChange={(e) => setMethod(e.target.value === 'visit' ? 'visit' : 'phone')}>
                <option value="phone">{t('ledgers:followUpMethod.phone')}</option>
                <option value="visit">{t('ledgers:followUpMethod.visit')}</option>
              </select>
            </label>
            <label>
              {t('ledgers:followUp.reached')}
              <select value={reached ? 'yes' : 'no'} onChange={(e) => setReached(e.target.value === 'yes')}>
                <option value="yes">{t('ledgers:yes')}</option>
                <option value="no">{t('ledgers:no')}</option>
              </select>
            </label>
            <label>
              {t('ledgers:followUp.satisfaction')}
              <select value={satisfaction} disabled={!reached} onChange={(e) => setSatisfaction(Number(e.target.value))}>
                {levels.map((l) => (
                  <option key={l} value={l}>
                    {t(`ledgers:satisfaction.${l}`)}
                  </option>
                ))}
              </select>
              {fieldError('satisfaction') && <span className="field-error">{fieldError('satisfaction')}</span>}
            </label>
          </div>
          <label>
            {t('ledgers:followUp.notes')}
            <textarea value={notes} onChange={(e) => setNotes(e.target.value)} />
          </label>
          <label>
            {t('ledgers:followUp.problems')}
            <textarea value={problems} onChange={(e) => setProblems(e.target.value)} />
          </label>
          {!record.error?.details?.fields && <ErrorBanner error={record.error} />}
          <div className="ledger-actions">
            <button type="submit" className="primary" disabled={record.pending}>
              {t('ledgers:followUp.save')}
            </button>
          </div>
        </form>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t('ledgers:close')}
      </button>
    </section>
  );
}
