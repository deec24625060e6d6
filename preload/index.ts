// The bridge between a sandboxed window and the main process, and nothing more.
// A sandboxed preload runs as CommonJS and may require only 'electron', so this file is
// bundled with what it imports (scripts/build-preload.mjs → out/preload/index.cjs).
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { ipcChannels, pcSetupChannels } from '../common/ipc-channels.ts';
import type { OneWindowBridge } from '../renderer/api/bridge.ts';

type PushListener = Parameters<OneWindowBridge['onPush']>[0];

const bridge: OneWindowBridge = {
  invoke: (name, input, token) => ipcRenderer.invoke(ipcChannels.invoke, name, input, token),
  onPush(listener) {
    // The IPC event never reaches the page: it would hand it ipcRenderer's sender.
    const relay = (_event: IpcRendererEvent, message: Parameters<PushListener>[0]) => listener(message);
    ipcRenderer.on(ipcChannels.push, relay);
    return () => {
      ipcRenderer.removeListener(ipcChannels.push, relay);
    };
  },
  hello: (token, since) => ipcRenderer.send(ipcChannels.hello, token, since),
  savePdf: (fileName) => ipcRenderer.invoke(ipcChannels.savePdf, fileName),
  // The PC's own setup page (app://hall/pc-setup); main refuses any other page and gates changes.
  pcSetup: {
    state: () => ipcRenderer.invoke(pcSetupChannels.state),
    discover: () => ipcRenderer.invoke(pcSetupChannels.discover),
    probe: (hallUrl) => ipcRenderer.invoke(pcSetupChannels.probe, hallUrl),
    verifyAdmin: (workNo, password) => ipcRenderer.invoke(pcSetupChannels.verifyAdmin, workNo, password),
    save: (choice) => ipcRenderer.invoke(pcSetupChannels.save, choice),
  },
  printSilently: () => ipcRenderer.invoke(ipcChannels.printSilently),
};

contextBridge.exposeInMainWorld('onewindow', bridge);
