// The administrator's PIN prompt over a locked kiosk or board (main/electron/unlock-prompt.ts):
// one call, nothing else. Sandboxed preloads are CommonJS and may require only 'electron': this
// file is bundled (scripts/build-preload.mjs → out/preload/unlock-prompt.cjs).
import { contextBridge, ipcRenderer } from 'electron';
import type { UnlockAction, UnlockAnswer } from '../common/desktop-bridge.ts';
import { ipcChannels } from '../common/ipc-channels.ts';

contextBridge.exposeInMainWorld('unlockPrompt', {
  submit: (pin: string, action: UnlockAction): Promise<UnlockAnswer> => ipcRenderer.invoke(ipcChannels.unlock, pin, action),
});
