import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import { useLocalNames } from '../queue/names.ts';
import type { CategoryView } from '../queue/use-overview.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { type KioskChoices, KioskOptions, noChoices } from './KioskOptions.tsx';

const chosenAny = (c: KioskChoices) => c.priority || c.phone !== '' || c.idNumber !== '';

/**
 * The second step, on its own screen: the optional extras of the ticket for the business just
 * touched. Nothing here is required, so taking the ticket straight away is as big as the rest.
 */
export function OptionsStep({
  category,
  choices,
  onChange,
  fieldError,
  error,
  pending,
  onTake,
  onBack,
}: {
  category: CategoryView;
  choices: KioskChoices;
  onChange: (c: KioskChoices) => void;
  fieldError: (path: string) => string | undefined;
  error: ApiError | undefined;
  pending: boolean;
  onTake: (c: KioskChoices) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  const any = chosenAny(choices);
  return (
    <section className="card kiosk-step options-step" aria-labelledby="options-title">
      <header className="options-head">
        <span className="category-prefix" aria-hidden="true">
          {category.prefix}
        </span>
        <div>
          <h1 id="options-title">{name(category)}</h1>
          <p className="hint">{t('queue:kiosk.optionsHint')}</p>
        </div>
      </header>
      <KioskOptions value={choices} onChange={onChange} fieldError={fieldError} />
      {!error?.details?.fields && <ErrorBanner error={error} />}
      <div className="kiosk-actions">
        <button type="button" className="secondary big" onClick={onBack} disabled={pending}>
          {t('queue:common.back')}
        </button>
        {any && (
          <button type="button" className="secondary big" onClick={() => onTake(noChoices)} disabled={pending}>
            {t('queue:kiosk.skip')}
          </button>
        )}
        <button type="button" className="primary big kiosk-take" data-testid="kiosk-take" onClick={() => onTake(choices)} disabled={pending}>
          {any ? t('queue:kiosk.take') : t('queue:kiosk.skip')}
        </button>
      </div>
    </section>
  );
}
