import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shared/Dialog.tsx';
import { DialogActions } from '../shared/DialogActions.tsx';
import { Field } from '../shared/Field.tsx';

export const pauseReasons = ['break', 'meeting', 'system', 'other'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** 暂停 with a reason the reports count, and an optional note. */
export function PauseDialog({ onPause, onClose }: { onPause: (reason: PauseReason, note: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<PauseReason>('break');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPause(reason, note.trim());
  };
  return (
    <Dialog title={t('queue:pause.title')} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit}>
        <label className="select">
          {t('queue:pause.reason')}
          <select value={reason} autoFocus onChange={(e) => setReason(pauseReasons.find((r) => r === e.target.value) ?? 'other')}>
            {pauseReasons.map((r) => (
              <option key={r} value={r}>
                {t(`queue:pause.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('queue:pause.note')} value={note} maxLength={100} onChange={(e) => setNote(e.target.value)} />
        <DialogActions submitText={t('queue:pause.submit')} cancelText={t('queue:common.cancel')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** "休息：午餐" from the stored "break: 午餐". */
export function usePauseText() {
  const { t } = useTranslation();
  return (stored: string | null): string => {
    if (!stored) return '';
    const [code = '', ...rest] = stored.split(': ');
    const known = pauseReasons.find((r) => r === code);
    const reason = known ? t(`queue:pause.reasons.${known}`) : code;
    return rest.length > 0 ? t('queue:pause.withNote', { reason, note: rest.join(': ') }) : reason;
  };
}
