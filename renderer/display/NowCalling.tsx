import { useTranslation } from 'react-i18next';
import { useCounterLabel } from '../queue/counter-label.ts';
import type { CallView } from '../queue/use-overview.ts';
import { Bilingual } from './Bilingual.tsx';

/** The tickets now called to a counter, newest first and largest; a new call blinks. */
export function NowCalling({ calls, fresh }: { calls: CallView[]; fresh: readonly number[] }) {
  const { t } = useTranslation();
  const { label } = useCounterLabel();
  // The newest three: the counters' table below lists every counter anyway.
  const shown = calls.slice(0, 3);
  return (
    <section className="now-calling" aria-labelledby="now-calling-title">
      <h2 id="now-calling-title">
        <Bilingual k="queue:display.nowCalling" />
      </h2>
      {shown.length === 0 ? (
        <p className="board-empty">
          <Bilingual k="queue:display.noCalls" />
        </p>
      ) : (
        <ol className="call-cards">
          {shown.map((c, i) => (
            <li key={c.eventId} className={`call-card ${i === 0 ? 'lead' : ''} ${fresh.includes(c.eventId) ? 'fresh' : ''}`} data-testid="current-call">
              <span className="call-number">{c.number}</span>
              <span className="call-arrow" aria-hidden="true">
                →
              </span>
              <span className="call-counter">{label({ number: c.counterNumber })}</span>
              {c.type === 'recalled' && <span className="call-recall">{t('queue:display.recalled')}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
