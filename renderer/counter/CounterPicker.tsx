import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { CategoryView, CounterView } from '../queue/use-overview.ts';
import { useCounterLabel } from '../queue/counter-label.ts';
import { useLocalNames } from '../queue/names.ts';
import { ErrorBanner } from '../shared/errors.tsx';

/** The clerk chooses the counter to work at; a counter held by a colleague says so. */
export function CounterPicker({
  counters,
  categories,
  meId,
  pending,
  error,
  onOpen,
}: {
  counters: CounterView[];
  categories: CategoryView[];
  meId: number;
  pending: boolean;
  error: ApiError | undefined;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  const { label, extraName } = useCounterLabel();
  const categoryNames = (ids: number[]) =>
    ids.length === 0
      ? t('queue:counter.allCategories')
      : ids
          .map((id) => categories.find((c) => c.id === id))
          .filter((c) => c !== undefined)
          .map(name)
          .join(' / ');
  return (
    <section className="card counter-picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t('queue:counter.choose')}</h1>
      <p className="hint">{t('queue:counter.chooseHint')}</p>
      <ErrorBanner error={error} />
      <div className="picker-grid">
        {counters.map((c) => {
          const taken = c.status !== 'closed' && c.staffId !== null && c.staffId !== meId;
          return (
            <button key={c.id} type="button" className={`picker-tile ${taken ? 'taken' : ''}`} disabled={pending} onClick={() => onOpen(c.id)}>
              <span className="picker-number">{label(c)}</span>
              {extraName(c) && <span className="picker-name">{extraName(c)}</span>}
              <span className="picker-state">{taken ? t('queue:counter.heldBy', { name: c.staffName ?? '' }) : t(`queue:counterState.${c.status}`)}</span>
              <span className="picker-categories">{categoryNames(c.categoryIds)}</span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
