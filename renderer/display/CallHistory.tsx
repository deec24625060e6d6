import { useTranslation } from 'react-i18next';
import { useCounterLabel } from '../queue/counter-label.ts';
import { clockTime } from '../queue/names.ts';
import type { CallView } from '../queue/use-overview.ts';
import { Bilingual } from './Bilingual.tsx';

/** The last calls, so a customer who looked away can still find their number. */
export function CallHistory({ calls, fresh }: { calls: CallView[]; fresh: readonly number[] }) {
  const { t, i18n } = useTranslation();
  const { label } = useCounterLabel();
  return (
    <section className="call-history" aria-labelledby="call-history-title">
      <h2 id="call-history-title">
        <Bilingual k="queue:display.history" />
      </h2>
      <ol data-testid="call-history">
        {calls.map((c) => (
          <li key={c.eventId} className={fresh.includes(c.eventId) ? 'fresh' : ''} data-number={c.number}>
            <span className="h-number">{c.number}</span>
            <span className="h-counter">
              {label({ number: c.counterNumber })}
              {c.type === 'recalled' && <span className="h-recall">{t('queue:display.recalled')}</span>}
            </span>
            <span className="h-time">{clockTime(c.at, i18n.language)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
