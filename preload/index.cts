// The bridge between a sandboxed window and the main process, and nothing more.
// A sandboxed preload runs as CommonJS and may require only 'electron', so this file
// is self-contained (.cts → out/preload/index.cjs); types come from elsewhere.
import type { IpcRendererEvent } from 'electron';
import type { OneWindowBridge } from '../renderer/api/bridge.ts';
import type { PushMessage } from '../main/server/push.ts';

const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

// Keep in step with common/ipc-channels.ts (a sandboxed preload cannot require it).
const invokeChannel = 'onewindow:invoke';
const helloChannel = 'onewindow:hello';
const pushChannel = 'onewindow:push';
const savePdfChannel = 'onewindow:savePdf';
const pcSetup = 'onewindow:pcSetup:';
const printSilentlyChannel = 'onewindow:printSilently';

const bridge: OneWindowBridge = {
  invoke: (name, input, token) => ipcRenderer.invoke(invokeChannel, name, input, token),
  onPush(listener) {
    // The IPC event never reaches the page: it would hand it ipcRenderer's sender.
    const relay = (_event: IpcRendererEvent, message: PushMessage) => listener(message);
    ipcRenderer.on(pushChannel, relay);
    return () => {
      ipcRenderer.removeListener(pushChannel, relay);
    };
  },
  hello: (token, since) => ipcRenderer.send(helloChannel, token, since),
  savePdf: (fileName) => ipcRenderer.invoke(savePdfChannel, fileName),
  // The PC's own setup page (app://hall/pc-setup); main refuses any other page and gates changes.
  pcSetup: {
    state: () => ipcRenderer.invoke(`${pcSetup}state`),
    discover: () => ipcRenderer.invoke(`${pcSetup}discover`),
    probe: (hallUrl) => ipcRenderer.invoke(`${pcSetup}probe`, hallUrl),
    verifyAdmin: (workNo, password) => ipcRenderer.invoke(`${pcSetup}verifyAdmin`, workNo, password),
    save: (choice) => ipcRenderer.invoke(`${pcSetup}save`, choice),
  },
  printSilently: () => ipcRenderer.invoke(printSilentlyChannel),
};

contextBridge.exposeInMainWorld('onewindow', bridge);
