import type { ApiError } from '../../main/core/api/errors.ts';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';

/**
 * The foot of every manager's edit form: the error that belongs to no field, what was
 * just saved, Save, and Cancel while an existing row is being edited.
 */
export function EditFormFooter({ error, pending, savedText, editing, onCancel }: { error: ApiError | undefined; pending: boolean; savedText?: string; editing: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {!error?.details?.fields && <ErrorBanner error={error} />}
      {savedText && (
        <div className="notice" role="status">
          {savedText}
        </div>
      )}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={pending}>
          {t('queue:manage.save')}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('queue:common.cancel')}
          </button>
        )}
      </div>
    </>
  );
}
