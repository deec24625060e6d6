// The preload of a client-mode window (counter, kiosk, board, manager's desk on another PC than
// the hall): the pages come from the hall server over HTTPS and talk to it over HTTP, so the
// only door to this PC is dialog-free printing (main/electron/silent-print.ts). Sandboxed
// preloads are CommonJS and may require only 'electron'.
import type { DesktopPrintBridge } from '../common/desktop-bridge.ts';

const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

// Keep in step with common/ipc-channels.ts (a sandboxed preload cannot require it).
const printSilentlyChannel = 'onewindow:printSilently';

const print: DesktopPrintBridge = { printSilently: () => ipcRenderer.invoke(printSilentlyChannel) };

contextBridge.exposeInMainWorld('onewindowPrint', print);
