import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

// Each locale is a folder of namespace files; a domain adds its own file. They sit in
// resources/locales, outside the renderer, because the main process prints and speaks from
// them too (ticket and desktop texts).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../resources/locales/*/*.json', { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lng = '', ns = ''] = match;
  resources[lng] ??= {};
  resources[lng][ns] = module.default;
}

const saved = localStorage.getItem('onewindow.language');
const initial: Language = languages.find((l) => l === saved) ?? 'zh-CN';

await i18next.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: false,
  ns: Object.keys(resources['zh-CN'] ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = initial;

export function setLanguage(lng: Language): void {
  localStorage.setItem('onewindow.language', lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}

export { i18next };
