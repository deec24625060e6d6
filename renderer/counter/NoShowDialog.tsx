import { useTranslation } from 'react-i18next';
import { Dialog } from '../shared/Dialog.tsx';

/** 过号: the customer did not come; either drop the ticket or put it back into the queue. */
export function NoShowDialog({ number, onChoose, onClose }: { number: string; onChoose: (requeue: boolean) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('queue:noShow.title', { number })} onClose={onClose}>
      <p className="hint">{t('queue:noShow.hint')}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={() => onChoose(true)}>
          {t('queue:noShow.requeue')}
        </button>
        <button type="button" className="danger" onClick={() => onChoose(false)}>
          {t('queue:noShow.drop')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('queue:common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
