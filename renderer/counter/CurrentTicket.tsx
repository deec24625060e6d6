import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../main/core/queue/contract.ts';
import { elapsed, useLocalNames } from '../queue/names.ts';
import type { CategoryView } from '../queue/use-overview.ts';
import { useHallNow } from '../shared/hall-clock.ts';

/** The ticket at this counter, with the time since it was called or since service began. */
export function CurrentTicket({ ticket, categories }: { ticket: TicketView | null; categories: CategoryView[] }) {
  const { t } = useTranslation();
  const { name } = useLocalNames();
  const now = useHallNow(1000);
  if (!ticket) {
    return (
      <section className="current-ticket empty" aria-label={t('queue:counter.current')}>
        <div className="current-label">{t('queue:counter.current')}</div>
        <div className="current-none">{t('queue:counter.noTicket')}</div>
      </section>
    );
  }
  const category = categories.find((c) => c.id === ticket.categoryId);
  const since = ticket.status === 'serving' ? ticket.startedAt : ticket.calledAt;
  const seconds = since ? (now - Date.parse(since)) / 1000 : 0;
  return (
    <section className={`current-ticket ${ticket.status}`} aria-label={t('queue:counter.current')}>
      <div className="current-label">{t('queue:counter.current')}</div>
      <div className="current-number" data-testid="current-number">
        {ticket.number}
      </div>
      <div className="current-meta">
        {category && <span>{name(category)}</span>}
        {ticket.priority !== 'normal' && <span className="badge priority">{t(`queue:priority.${ticket.priority}`)}</span>}
        <span className={`badge state-${ticket.status}`} data-testid="current-state">
          {t(`queue:ticketState.${ticket.status}`)}
        </span>
      </div>
      <div className="current-timer">
        <span className="timer-label">{ticket.status === 'serving' ? t('queue:counter.serviceTime') : t('queue:counter.sinceCalled')}</span>
        <span className="timer-value" data-testid="current-elapsed">
          {elapsed(seconds)}
        </span>
      </div>
      {(ticket.phone || ticket.idMasked) && (
        <div className="current-contact">
          {ticket.phone && <span>{t('queue:counter.phone', { phone: ticket.phone })}</span>}
          {ticket.idMasked && <span>{t('queue:counter.idNumber', { id: ticket.idMasked })}</span>}
        </div>
      )}
    </section>
  );
}
