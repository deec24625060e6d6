import { useTranslation } from 'react-i18next';
import { type Language, languages, setLanguage } from '../i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((lng: Language) => (
        <button key={lng} type="button" className={i18n.language === lng ? 'active' : ''} aria-pressed={i18n.language === lng} onClick={() => setLanguage(lng)}>
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
