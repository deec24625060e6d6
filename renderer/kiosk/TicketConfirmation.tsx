import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableTicket } from '../../main/core/queue/contract.ts';
import { clockTime, localName } from '../queue/names.ts';
import { type PrintOutcome, printTicket } from '../queue/print.ts';
import { statusUrl, useQrDataUrl } from '../queue/qr.ts';
import { TicketPrint } from '../queue/TicketPrint.tsx';

/** Seconds the confirmation stays before the kiosk is ready for the next customer. */
export const CONFIRMATION_SECONDS = 10;

/** The issued ticket, big, with its QR code; printed from the screen when no printer took it. */
export function TicketConfirmation({ ticket, onDone }: { ticket: PrintableTicket; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const qr = useQrDataUrl(statusUrl(ticket.statusPath), 280);
  const [left, setLeft] = useState(CONFIRMATION_SECONDS);
  const printed = useRef(false);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcome>();
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    if (ticket.printed !== 'screen' || !qr || printed.current) return;
    // After the ticket has painted, so the dialog prints what the customer sees.
    const timer = setTimeout(() => {
      printed.current = true;
      void printTicket().then(setPrintOutcome);
    }, 50);
    return () => clearTimeout(timer);
  }, [ticket.printed, qr]);

  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) done.current();
  }, [left]);

  const category = localName({ nameZh: ticket.categoryNameZh, nameEn: ticket.categoryNameEn }, i18n.language);
  return (
    <section className="card ticket-confirmation" aria-labelledby="ticket-number-label" data-testid="ticket-confirmation">
      <div className="ticket-main">
        <div id="ticket-number-label" className="ticket-label">
          {t('queue:ticket.yourNumber')}
        </div>
        <div className="ticket-number" data-testid="ticket-number">
          {ticket.number}
        </div>
        <div className="ticket-category">
          {category}
          {ticket.priority !== 'normal' && <span className="badge priority">{t(`queue:priority.${ticket.priority}`)}</span>}
        </div>
        <dl className="ticket-facts">
          <div>
            <dt>{t('queue:ticket.aheadLabel')}</dt>
            <dd>{t('queue:ticket.people', { count: ticket.ahead })}</dd>
          </div>
          <div>
            <dt>{t('queue:ticket.estimateLabel')}</dt>
            <dd>{t('queue:ticket.minutes', { count: ticket.estimatedWaitMinutes })}</dd>
          </div>
          <div>
            <dt>{t('queue:ticket.timeLabel')}</dt>
            <dd>{clockTime(ticket.issuedAt, i18n.language)}</dd>
          </div>
        </dl>
        <p className={`print-state via-${ticket.printed}`} role="status">
          {ticket.printed === 'printer' ? t('queue:ticket.printedByPrinter') : t('queue:ticket.printedOnScreen')}
        </p>
        {printOutcome?.kind === 'failed' && (
          <p className="field-error" role="alert" data-testid="print-failed">
            {t(printOutcome.messageKey, { printer: printOutcome.printer })}
          </p>
        )}
      </div>
      <figure className="ticket-qr">
        {qr ? <img src={qr} width={220} height={220} alt={t('queue:ticket.qrAlt')} /> : <div className="qr-placeholder" />}
        <figcaption>{t('queue:ticket.scanHint')}</figcaption>
      </figure>
      <div className="ticket-done">
        <button type="button" className="primary big" onClick={onDone}>
          {t('queue:ticket.done')}
        </button>
        <span className="hint">{t('queue:ticket.returning', { count: Math.max(0, left) })}</span>
      </div>
      <TicketPrint ticket={ticket} qr={qr} />
    </section>
  );
}
