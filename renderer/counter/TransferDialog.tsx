import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCounterLabel } from '../queue/counter-label.ts';
import { useLocalNames } from '../queue/names.ts';
import type { CategoryView, CounterView } from '../queue/use-overview.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { DialogActions } from '../shared/DialogActions.tsx';

export type TransferTarget = { toCounterId: number } | { toCategoryId: number };

/** Sends the ticket, keeping its number, to another counter or another category. */
export function TransferDialog({
  number,
  fromCounterId,
  counters,
  categories,
  onTransfer,
  onClose,
}: {
  number: string;
  fromCounterId: number;
  counters: CounterView[];
  categories: CategoryView[];
  onTransfer: (target: TransferTarget) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  const { label } = useCounterLabel();
  const others = counters.filter((c) => c.id !== fromCounterId);
  const active = categories.filter((c) => c.active);
  const [kind, setKind] = useState<'counter' | 'category'>('counter');
  const [counterId, setCounterId] = useState(others[0]?.id ?? 0);
  const [categoryId, setCategoryId] = useState(active[0]?.id ?? 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onTransfer(kind === 'counter' ? { toCounterId: counterId } : { toCategoryId: categoryId });
  };

  return (
    <Dialog title={t('queue:transfer.title', { number })} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit}>
        <fieldset className="choice">
          <legend>{t('queue:transfer.to')}</legend>
          <label>
            <input type="radio" name="kind" checked={kind === 'counter'} onChange={() => setKind('counter')} />
            {t('queue:transfer.toCounter')}
          </label>
          <select
            aria-label={t('queue:transfer.toCounter')}
            value={counterId}
            disabled={kind !== 'counter'}
            onChange={(e) => setCounterId(Number(e.target.value))}
          >
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c)} · {t(`queue:counterState.${c.status}`)}
              </option>
            ))}
          </select>
          <label>
            <input type="radio" name="kind" checked={kind === 'category'} onChange={() => setKind('category')} />
            {t('queue:transfer.toCategory')}
          </label>
          <select
            aria-label={t('queue:transfer.toCategory')}
            value={categoryId}
            disabled={kind !== 'category'}
            onChange={(e) => setCategoryId(Number(e.target.value))}
          >
            {active.map((c) => (
              <option key={c.id} value={c.id}>
                {c.prefix} · {name(c)}
              </option>
            ))}
          </select>
        </fieldset>
        <p className="hint">{t('queue:transfer.hint')}</p>
        <DialogActions submitText={t('queue:transfer.submit')} cancelText={t('queue:common.cancel')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
