import i18next, { type TFunction } from 'i18next';
import enUS from '../../resources/locales/en-US/desktop.json' with { type: 'json' };
import zhCN from '../../resources/locales/zh-CN/desktop.json' with { type: 'json' };

/**
 * Text the desktop shell and the command-line tools show outside the renderer (error
 * boxes, prompts), from the same locale files as the screens.
 */
export type DesktopLanguage = 'zh-CN' | 'en-US';

/** zh-CN unless the system asks for another language. */
export function pickLanguage(locale: string | undefined): DesktopLanguage {
  return locale && !locale.toLowerCase().startsWith('zh') && locale !== 'C' && locale !== 'POSIX' ? 'en-US' : 'zh-CN';
}

export function desktopText(lng: DesktopLanguage): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'zh-CN',
    initAsync: false,
    resources: { 'zh-CN': { desktop: zhCN }, 'en-US': { desktop: enUS } },
    defaultNS: 'desktop',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
