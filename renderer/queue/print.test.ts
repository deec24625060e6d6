import { afterEach, describe, expect, it, vi } from 'vitest';
import { printPage, printTicket } from './print.ts';

// No browser runs in unit tests: `window` and `document` are small stand-ins recording what the
// print code asked of them (the desktop bridge is the preload's object, as the page sees it).
function page(bridge?: { printSilently: () => Promise<unknown> }, where: 'onewindow' | 'onewindowPrint' = 'onewindow') {
  const classes = new Set<string>();
  const seen: string[] = [];
  const win = {
    print: vi.fn(() => seen.push(`dialog with ${[...classes].join(' ')}`)),
    addEventListener: vi.fn(),
    ...(bridge ? { [where]: bridge } : {}),
  };
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', { body: { classList: { add: (c: string) => classes.add(c), remove: (c: string) => classes.delete(c) } } });
  return { win, classes, seen };
}

describe('printing tickets and receipts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the print dialog in a browser', async () => {
    const { win } = page();
    expect(await printPage()).toEqual({ kind: 'dialog' });
    expect(win.print).toHaveBeenCalledOnce();
  });

  it('prints without a dialog in the desktop app, in either kind of window, the ticket class set while it prints', async () => {
    const classesWhilePrinting: string[][] = [];
    const state = page({ printSilently: async () => (classesWhilePrinting.push([...state.classes]), { ok: true }) }, 'onewindowPrint');
    expect(await printTicket()).toEqual({ kind: 'printed' });
    expect(classesWhilePrinting).toEqual([['printing-ticket']]);
    expect(state.classes.size).toBe(0);
    expect(state.win.print).not.toHaveBeenCalled();
  });

  it('turns a missing printer into a message for the screen, naming the printer', async () => {
    page({ printSilently: async () => ({ ok: false, reason: 'printerNotFound', printer: 'EPSON TM-T82' }) });
    expect(await printPage()).toEqual({ kind: 'failed', messageKey: 'common:print.printerNotFound', printer: 'EPSON TM-T82' });
    page({ printSilently: async () => Promise.reject(new Error('ipc gone')) });
    expect(await printPage()).toEqual({ kind: 'failed', messageKey: 'common:print.failed' });
  });
});
