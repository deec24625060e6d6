import { useTranslation } from 'react-i18next';
import { useCounterLabel } from '../queue/counter-label.ts';
import type { CounterView } from '../queue/use-overview.ts';
import { Bilingual } from './Bilingual.tsx';

/** What a customer needs to know of a counter: closed, paused, free, or who is at it. */
function stateOf(c: CounterView): { key: string; tone: string } {
  if (c.status === 'closed') return { key: 'queue:counterState.closed', tone: 'closed' };
  if (c.status === 'paused') return { key: 'queue:counterState.paused', tone: 'paused' };
  if (c.current?.status === 'called') return { key: 'queue:ticketState.called', tone: 'called' };
  if (c.current?.status === 'serving') return { key: 'queue:ticketState.serving', tone: 'serving' };
  return { key: 'queue:display.free', tone: 'free' };
}

/** 窗口 | 当前号码 | 状态, one row per counter: where each number is now, readable from the back of the hall. */
export function WindowTable({ counters }: { counters: CounterView[] }) {
  const { label } = useCounterLabel();
  const { t } = useTranslation();
  const rows = [...counters].sort((a, b) => a.number - b.number);
  return (
    <section className="window-panel" aria-labelledby="window-table-title">
      <h2 id="window-table-title" className="sr-only">
        {t('queue:display.windows')}
      </h2>
      <table className="window-table" data-testid="window-table" aria-labelledby="window-table-title">
        <thead>
          <tr>
            <th scope="col">
              <Bilingual k="queue:display.window" />
            </th>
            <th scope="col">
              <Bilingual k="queue:display.currentNumber" />
            </th>
            <th scope="col">
              <Bilingual k="queue:display.state" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const state = stateOf(c);
            return (
              <tr key={c.id} className={`tone-${state.tone}`} data-testid={`window-${c.number}`}>
                <th scope="row" className="window-name">
                  {label(c)}
                </th>
                <td className="window-number" data-testid="window-number">
                  {c.current && c.status !== 'closed' ? c.current.number : '—'}
                </td>
                <td className="window-state">
                  <Bilingual k={state.key} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
