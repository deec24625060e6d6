import { useTranslation } from 'react-i18next';

/**
 * "1号窗口" / "Counter 1" from a counter's number, and its own name only when the
 * manager gave it one other than the default, so a board never says it twice.
 */
export function useCounterLabel() {
  const { t } = useTranslation();
  return {
    label: (c: { number: number }) => t('queue:counterLabel', { number: c.number }),
    extraName: (c: { number: number; name: string }) =>
      c.name === t('queue:counterLabel', { number: c.number, lng: 'zh-CN' }) || c.name === t('queue:counterLabel', { number: c.number }) ? undefined : c.name,
  };
}
