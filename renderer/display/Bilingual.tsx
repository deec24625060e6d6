import { useTranslation } from 'react-i18next';

/**
 * A board label in the board's language with English beneath: the TV has no language
 * buttons, and a foreign customer reads it from across the hall all the same.
 */
export function Bilingual({ k }: { k: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <>
      {t(k)}
      {!english && (
        <span className="bi-en" lang="en">
          {t(k, { lng: 'en-US' })}
        </span>
      )}
    </>
  );
}
