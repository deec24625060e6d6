// The administrator's PIN prompt over a locked kiosk or board (main/electron/unlock-prompt.ts):
// one call, nothing else. Sandboxed preloads are CommonJS and may require only 'electron'.
import type { UnlockAction, UnlockAnswer } from '../common/desktop-bridge.ts';

const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

// Keep in step with common/ipc-channels.ts (a sandboxed preload cannot require it).
const unlockChannel = 'onewindow:unlock';

contextBridge.exposeInMainWorld('unlockPrompt', {
  submit: (pin: string, action: UnlockAction): Promise<UnlockAnswer> => ipcRenderer.invoke(unlockChannel, pin, action),
});
