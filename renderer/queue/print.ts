/**
 * Prints the ticket rendered in `.ticket-print` through the browser's dialog: the body
 * class limits the print to that block (80 mm roll or the corner of an A4 sheet).
 */
export function printTicket(): void {
  const body = document.body;
  body.classList.add('printing-ticket');
  const done = () => body.classList.remove('printing-ticket');
  window.addEventListener('afterprint', done, { once: true });
  window.print();
  // A browser without afterprint (or a blocked dialog) must not keep the class.
  setTimeout(done, 1000);
}
