import { useTranslation } from 'react-i18next';

/** The foot of a setup step's form: the step's own button, and 返回 to the step before. */
export function StepActions({ submitText, disabled, onBack }: { submitText: string; disabled: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={disabled}>
        {submitText}
      </button>
      <button type="button" onClick={onBack}>
        {t('pcSetup:back')}
      </button>
    </div>
  );
}
