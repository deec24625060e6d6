import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PrintableTicket } from '../../main/core/queue/contract.ts';
import { clockTime, localName } from './names.ts';

/**
 * The paper version of a ticket: invisible on screen, the only thing printed by
 * printTicket(). It sits directly in <body> so the print stylesheet can drop the rest.
 */
export function TicketPrint({ ticket, qr }: { ticket: PrintableTicket; qr: string | undefined }) {
  const { t, i18n } = useTranslation();
  const category = localName({ nameZh: ticket.categoryNameZh, nameEn: ticket.categoryNameEn }, i18n.language);
  return createPortal(
    <div className="ticket-print" aria-hidden="true">
      {ticket.hallName && <div className="tp-hall">{ticket.hallName}</div>}
      <div className="tp-category">{category}</div>
      <div className="tp-number">{ticket.number}</div>
      {ticket.priority !== 'normal' && <div className="tp-priority">{t(`queue:priority.${ticket.priority}`)}</div>}
      <div className="tp-line">{t('queue:ticket.ahead', { count: ticket.ahead })}</div>
      <div className="tp-line">{t('queue:ticket.estimate', { minutes: ticket.estimatedWaitMinutes })}</div>
      <div className="tp-line">{t('queue:ticket.issuedAt', { time: clockTime(ticket.issuedAt, i18n.language) })}</div>
      {qr && <img className="tp-qr" src={qr} alt="" />}
      <div className="tp-hint">{t('queue:ticket.scanHint')}</div>
      <div className="tp-hint">{t('queue:ticket.keepHint')}</div>
    </div>,
    document.body,
  );
}
