import { useEffect, useRef } from 'react';
import type { PrintableTicket } from '../../main/core/queue/contract.ts';
import { printTicket } from '../queue/print.ts';
import { statusUrl, useQrDataUrl } from '../queue/qr.ts';
import { TicketPrint } from '../queue/TicketPrint.tsx';

/** A reprinted ticket the hall's printer did not take: printed from this screen once its QR code is drawn. */
export function ReprintJob({ ticket, onDone }: { ticket: PrintableTicket; onDone: () => void }) {
  const qr = useQrDataUrl(statusUrl(ticket.statusPath));
  const done = useRef(false);
  const finish = useRef(onDone);
  finish.current = onDone;
  useEffect(() => {
    if (!qr || done.current) return;
    const timer = setTimeout(() => {
      done.current = true;
      // The ticket stays rendered until its print is done (the desktop app prints the page as it is).
      void printTicket().finally(() => finish.current());
    }, 50);
    return () => clearTimeout(timer);
  }, [qr]);
  return <TicketPrint ticket={ticket} qr={qr} />;
}
