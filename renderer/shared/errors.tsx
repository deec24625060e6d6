import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import { formatHallClock } from './hall-clock.ts';

/** The message of an API error in the user's language, with what its details say. */
export function ErrorBanner({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  const until = typeof error.details?.until === 'string' ? formatHallClock(error.details.until) : undefined;
  return (
    <div className="error-banner" role="alert">
      {t(error.messageKey, { ...error.details, until })}
    </div>
  );
}

/** The error for one form field, or undefined. */
export function useFieldError(error: ApiError | undefined) {
  const { t } = useTranslation('errors');
  return (path: string): string | undefined => {
    const field = error?.details?.fields?.find((f) => f.path === path);
    return field ? t(field.key, field.params ?? {}) : undefined;
  };
}
