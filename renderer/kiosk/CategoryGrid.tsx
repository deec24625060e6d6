import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../queue/use-overview.ts';
import { useLocalNames } from '../queue/names.ts';

/** One big touch target per category; a closed one is greyed with its reason. */
export function CategoryGrid({ categories, pending, onPick }: { categories: CategoryView[]; pending: boolean; onPick: (c: CategoryView) => void }) {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  // A category switched off is not offered at all; one outside its hours or over its limit is shown greyed.
  const shown = categories.filter((c) => c.active);
  if (shown.length === 0) return <p className="hint">{t('queue:kiosk.noCategories')}</p>;
  return (
    <div className="category-grid">
      {shown.map((c) => (
        <button
          key={c.id}
          type="button"
          className={`category-tile ${c.issuing ? '' : 'closed'}`}
          disabled={!c.issuing || pending}
          onClick={() => onPick(c)}
          data-testid={`category-${c.prefix}`}
        >
          <span className="category-prefix" aria-hidden="true">
            {c.prefix}
          </span>
          <span className="category-name">{name(c)}</span>
          {c.issuing ? (
            <span className="category-wait">
              {t('queue:kiosk.waiting', { count: c.waiting })} · {t('queue:kiosk.estimate', { minutes: c.estimatedWaitMinutes })}
            </span>
          ) : (
            <span className="category-closed">{t(`queue:closed.${c.closedReason ?? 'hours'}`, { opensAt: c.opensAt, closesAt: c.closesAt })}</span>
          )}
        </button>
      ))}
    </div>
  );
}
