import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterView } from '../queue/use-overview.ts';
import { ListsLink } from '../worklists/ListsLink.tsx';
import { IntakeForm } from './IntakeForm.tsx';

type Tab = 'queue' | 'intake';
const tabKey = 'onewindow.counterTab';
// Key names are printed on keyboards the same in every language.
const keyOf: Record<Tab, string> = { queue: 'Alt+1', intake: 'Alt+2' };

/**
 * The counter's two jobs side by side: the queue (calling tickets) and the intake form (受理).
 * Both stay mounted, so switching never loses a half-typed form and the queue's function
 * keys keep working while the clerk types. Alt+1 / Alt+2 switch.
 */
export function CounterTabs({ counter, children }: { counter: CounterView; children: ReactNode }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(() => (sessionStorage.getItem(tabKey) === 'intake' ? 'intake' : 'queue'));
  const choose = (next: Tab) => {
    sessionStorage.setItem(tabKey, next);
    setTab(next);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || document.querySelector('dialog[open]')) return;
      if (e.key === '1' || e.key === '2') {
        e.preventDefault();
        choose(e.key === '1' ? 'queue' : 'intake');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const ticket = counter.current;
  const ticketId = ticket && (ticket.status === 'called' || ticket.status === 'serving') ? ticket.id : undefined;

  return (
    <div className="counter-tabs">
      <div className="tab-bar" role="tablist" aria-label={t('intake:tabs.label')}>
        {(['queue', 'intake'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            aria-keyshortcuts={keyOf[id]}
            className={`tab ${tab === id ? 'active' : ''}`}
            onClick={() => choose(id)}
          >
            <kbd>{keyOf[id]}</kbd> {t(`intake:tabs.${id}`)}
            {id === 'queue' && ticket && <span className="badge">{ticket.number}</span>}
          </button>
        ))}
        <ListsLink />
      </div>
      <div role="tabpanel" id="panel-queue" aria-labelledby="tab-queue" hidden={tab !== 'queue'}>
        {children}
      </div>
      <div role="tabpanel" id="panel-intake" aria-labelledby="tab-intake" hidden={tab !== 'intake'}>
        <IntakeForm counterId={counter.id} ticketId={ticketId} active={tab === 'intake'} />
      </div>
    </div>
  );
}
