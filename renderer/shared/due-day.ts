import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isProvisionalDay } from './hall-clock.ts';

/**
 * A due day as staff and customers read it: "2027-01-08（预计）" when it falls in a year whose
 * holidays are not imported yet, so nobody takes a weekend-only count for a promise.
 */
export function useDueDay(): (day: string | null | undefined) => string {
  const { t } = useTranslation();
  // The same function while the language is the same, so a table's columns can depend on it.
  return useCallback((day) => (!day ? '' : isProvisionalDay(day) ? t('due.provisional', { day }) : day), [t]);
}
