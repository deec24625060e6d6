// The preload of a client-mode window (counter, kiosk, board, manager's desk on another PC than
// the hall): the pages come from the hall server over HTTPS and talk to it over HTTP, so the
// only door to this PC is dialog-free printing (main/electron/silent-print.ts). Sandboxed
// preloads are CommonJS and may require only 'electron': this file is bundled
// (scripts/build-preload.mjs → out/preload/client-print.cjs).
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopPrintBridge } from '../common/desktop-bridge.ts';
import { ipcChannels } from '../common/ipc-channels.ts';

const print: DesktopPrintBridge = { printSilently: () => ipcRenderer.invoke(ipcChannels.printSilently) };

contextBridge.exposeInMainWorld('onewindowPrint', print);
