import { bridge } from '../api/bridge.ts';

export type PdfOutcome = 'saved' | 'cancelled' | 'printDialog' | 'failed';

/**
 * Saves the page as a PDF. The desktop app renders it itself (printToPDF in the main process)
 * and asks where to save; a browser has no such door, so its print dialog opens and the clerk
 * picks "Save as PDF" as the printer.
 */
export async function savePdf(fileName: string): Promise<PdfOutcome> {
  const viaBridge = bridge();
  if (viaBridge?.savePdf) {
    const result = await viaBridge.savePdf(fileName);
    return result.ok ? (result.path ? 'saved' : 'cancelled') : 'failed';
  }
  window.print();
  return 'printDialog';
}
