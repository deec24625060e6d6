import { useTranslation } from 'react-i18next';
import { useLocalNames } from './names.ts';
import type { CategoryView } from './use-overview.ts';

/** Waiting tickets per category; `highlight` marks the categories a counter serves. */
export function WaitingCounts({ categories, highlight, className }: { categories: CategoryView[]; highlight?: readonly number[] | null; className?: string }) {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  const shown = categories.filter((c) => c.active);
  return (
    <ul className={`waiting-counts ${className ?? ''}`} aria-label={t('queue:waiting.title')}>
      {shown.map((c) => (
        <li key={c.id} className={highlight && !highlight.includes(c.id) ? 'dim' : ''} data-testid={`waiting-${c.prefix}`}>
          <span className="wc-prefix" aria-hidden="true">
            {c.prefix}
          </span>
          <span className="wc-name">{name(c)}</span>
          <span className="wc-count">{t('queue:waiting.count', { count: c.waiting })}</span>
        </li>
      ))}
    </ul>
  );
}
