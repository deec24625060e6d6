import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import type { SavePdfResult } from '../../common/desktop-bridge.ts';
import { ipcChannels } from '../../common/ipc-channels.ts';
import { fromApp } from './ipc-bridge.ts';
import type { Logger } from './logger.ts';

/** A file name the renderer suggests, kept to a plain name ending in .pdf (never a path). */
export function safePdfName(name: unknown): string {
  const base =
    typeof name === 'string'
      ? basename(name)
          .replace(/[^\p{L}\p{N}._-]+/gu, '_')
          .slice(0, 100)
      : '';
  const stem = base.replace(/\.pdf$/i, '') || 'receipt';
  return `${stem}.pdf`;
}

/**
 * "保存PDF" on the receipt: the window's own page rendered by Chromium at the size its
 * @page rule sets (A4 or A5), saved where the clerk chooses. The print dialog's "Save as PDF"
 * is not offered inside Electron, hence this door.
 */
export function registerPdfExport(log: Logger): void {
  ipcMain.handle(ipcChannels.savePdf, async (event, fileName: unknown): Promise<SavePdfResult> => {
    if (!fromApp(event.senderFrame)) return { ok: false };
    try {
      const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
      const owner = BrowserWindow.fromWebContents(event.sender);
      const options = { defaultPath: safePdfName(fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, path: null };
      await writeFile(choice.filePath, pdf);
      log.info({ file: basename(choice.filePath) }, 'receipt saved as PDF');
      return { ok: true, path: choice.filePath };
    } catch (error) {
      log.error({ err: error }, 'saving the receipt as PDF failed');
      return { ok: false };
    }
  });
}
