import { useTranslation } from 'react-i18next';
import type { FigureRowView } from '../../main/core/ratings/contract.ts';
import { percent } from './percent.ts';

/** Completion rate (highlighted below the 90% target), 好评率, bad ratings and unrated rate. */
export function FigureTiles({ figures, target, testId }: { figures: FigureRowView | undefined; target: number | undefined; testId: string }) {
  const { t } = useTranslation();
  if (!figures) return null;
  const below = figures.meetsTarget === false;
  return (
    <dl className="rating-tiles" data-testid={testId}>
      <div className={`rating-tile ${below ? 'below-target' : figures.meetsTarget ? 'meets-target' : ''}`} data-testid={`${testId}-completion`}>
        <dt>{t('ratings:figures.completion')}</dt>
        <dd>{percent(figures.completionRate)}</dd>
        <dd className="rating-tile-sub">
          {t('ratings:figures.ratedOfServed', { rated: figures.rated, served: figures.served })}
          {target !== undefined && ` · ${t('ratings:figures.target', { target: percent(target) })}`}
        </dd>
      </div>
      <div className="rating-tile" data-testid={`${testId}-good`}>
        <dt>{t('ratings:figures.goodRate')}</dt>
        <dd>{percent(figures.goodRate)}</dd>
      </div>
      <div className={`rating-tile ${figures.bad > 0 ? 'has-bad' : ''}`} data-testid={`${testId}-bad`}>
        <dt>{t('ratings:figures.bad')}</dt>
        <dd>{figures.bad}</dd>
      </div>
      <div className="rating-tile" data-testid={`${testId}-unrated`}>
        <dt>{t('ratings:figures.unratedRate')}</dt>
        <dd>{percent(figures.unratedRate)}</dd>
      </div>
    </dl>
  );
}
