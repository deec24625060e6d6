// The administrator's PIN prompt over a locked kiosk or board (main/electron/unlock-prompt.ts):
// one call, nothing else. Sandboxed preloads are CommonJS and may require only 'electron'.
import type { UnlockAction, UnlockAnswer } from '../main/electron/unlock-prompt.ts';

const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

// Keep in step with unlockChannel in main/electron/unlock-prompt.ts.
const unlockChannel = 'onewindow:unlock';

contextBridge.exposeInMainWorld('unlockPrompt', {
  submit: (pin: string, action: UnlockAction): Promise<UnlockAnswer> => ipcRenderer.invoke(unlockChannel, pin, action),
});
