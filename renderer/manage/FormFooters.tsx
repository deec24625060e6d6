import type { ApiError } from '../../main/core/api/errors.ts';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';

type Outcome = { error: ApiError | undefined; savedText?: string | undefined };

/** What a manager's form says after Save: the error that belongs to no field (a field's own shows under it), and what was just saved. */
function SaveOutcome({ error, savedText }: Outcome) {
  return (
    <>
      {!error?.details?.fields && <ErrorBanner error={error} />}
      {savedText && (
        <div className="notice" role="status">
          {savedText}
        </div>
      )}
    </>
  );
}

/**
 * The foot of every manager's edit form: the error that belongs to no field, what was
 * just saved, Save, and Cancel while an existing row is being edited.
 */
export function EditFormFooter({ error, pending, savedText, editing, onCancel }: Outcome & { pending: boolean; editing: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <SaveOutcome error={error} savedText={savedText} />
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

/** The foot of a settings form saved in place (the kiosk's idle time, the priority rule): its outcome, then Save on a line of its own. */
export function SettingsFormFooter({ error, pending, savedText }: Outcome & { pending: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <SaveOutcome error={error} savedText={savedText} />
      <button type="submit" className="primary" disabled={pending}>
        {t('queue:manage.save')}
      </button>
    </>
  );
}
