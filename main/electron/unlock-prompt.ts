import { createHash } from 'node:crypto';
import { BrowserWindow, ipcMain } from 'electron';
import type { TFunction } from 'i18next';
import type { UnlockAnswer } from '../../common/desktop-bridge.ts';
import { ipcChannels } from '../../common/ipc-channels.ts';
import type { Clock } from '../core/clock.ts';
import { noAttempts, type PinAttempts, type PinVerdict, tryPin } from './admin-pin.ts';
import type { Logger } from './logger.ts';

/** The prompt closes itself if nobody types, so a kiosk is not left showing it. */
export const promptIdleMs = 2 * 60_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The prompt's page, self-contained (it must work in client mode, where nothing of the app is
 * served locally): one inline script allowed by its hash, nothing else loads.
 */
export function unlockPageHtml(t: TFunction, lang: string): string {
  const script = `const f=document.getElementById('f'),p=document.getElementById('pin'),m=document.getElementById('msg');
f.addEventListener('submit',async(e)=>{e.preventDefault();const a=e.submitter&&e.submitter.value==='quit'?'quit':'unlock';const r=await window.unlockPrompt.submit(p.value,a);p.value='';m.textContent=r.message;p.focus();});
document.getElementById('cancel').addEventListener('click',()=>window.unlockPrompt.submit('','cancel'));
document.addEventListener('keydown',(e)=>{if(e.key==='Escape')window.unlockPrompt.submit('','cancel');});p.focus();`;
  const hash = createHash('sha256').update(script).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'`;
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>${escapeHtml(t('unlock.title'))}</title>
<style>body{font:18px system-ui,"Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:24px;background:#fff;color:#1a1a1a}h1{font-size:22px;margin:0 0 8px}p{margin:0 0 16px;color:#444}
input{font-size:28px;letter-spacing:6px;width:100%;box-sizing:border-box;padding:8px;margin-bottom:16px}button{font-size:18px;padding:10px 16px;margin-right:8px}#msg{color:#b00020;min-height:1.5em;margin-top:12px}</style></head>
<body><h1>${escapeHtml(t('unlock.title'))}</h1><p>${escapeHtml(t('unlock.hint'))}</p>
<form id="f"><label for="pin">${escapeHtml(t('unlock.pin'))}</label><input id="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="12">
<button type="submit" value="unlock">${escapeHtml(t('unlock.unlock'))}</button><button type="submit" value="quit">${escapeHtml(t('unlock.quit'))}</button><button type="button" id="cancel">${escapeHtml(t('unlock.cancel'))}</button></form>
<div id="msg" role="alert"></div><script>${script}</script></body></html>`;
}

/** What the prompt says after a try; the wait's end as a clock time the administrator reads. */
export function verdictMessage(verdict: PinVerdict, t: TFunction, lang: string): string {
  if (verdict.kind === 'ok') return '';
  if (verdict.kind === 'noPin') return t('unlock.noPin');
  if (verdict.kind === 'wrong') return t('unlock.wrong', { count: verdict.left });
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(verdict.untilMs);
  return t('unlock.locked', { time });
}

export type UnlockPrompt = { open: () => void };

/**
 * The administrator's PIN prompt over a locked screen. The tries are counted in the main
 * process for the app's life (tryPin: five wrong, then five minutes); only the prompt's own page
 * may submit. The right PIN runs `onUnlock` with the administrator's choice.
 */
export function createUnlockPrompt(options: {
  parent: () => BrowserWindow | undefined;
  pinHash: string | undefined;
  preload: string;
  clock: Clock;
  t: TFunction;
  lang: string;
  log: Logger;
  onUnlock: (action: 'unlock' | 'quit') => void;
}): UnlockPrompt {
  let prompt: BrowserWindow | undefined;
  let attempts: PinAttempts = noAttempts;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    clearTimeout(idle);
    prompt?.destroy();
  };
  const stillThere = () => {
    clearTimeout(idle);
    idle = setTimeout(close, promptIdleMs);
  };

  ipcMain.handle(ipcChannels.unlock, async (event, pin: unknown, action: unknown): Promise<UnlockAnswer> => {
    if (!prompt || event.sender !== prompt.webContents) {
      options.log.warn('unlock request from a page other than the prompt refused');
      return { done: false, message: '' };
    }
    if (action === 'cancel') {
      close();
      return { done: true, message: '' };
    }
    stillThere();
    const tried = tryPin(attempts, typeof pin === 'string' ? pin.slice(0, 64) : '', options.pinHash, options.clock.now().getTime());
    attempts = tried.attempts;
    options.log.warn({ verdict: tried.verdict.kind }, 'unlock PIN tried');
    if (tried.verdict.kind !== 'ok') return { done: false, message: verdictMessage(tried.verdict, options.t, options.lang) };
    close();
    options.onUnlock(action === 'quit' ? 'quit' : 'unlock');
    return { done: true, message: '' };
  });

  return {
    open() {
      if (prompt) {
        prompt.focus();
        return;
      }
      const parent = options.parent();
      const window = new BrowserWindow({
        ...(parent ? { parent, modal: true } : {}),
        width: 460,
        height: 360,
        resizable: false,
        minimizable: false,
        maximizable: false,
        alwaysOnTop: true,
        frame: false,
        show: false,
        backgroundColor: '#ffffff',
        webPreferences: {
          preload: options.preload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
          devTools: false,
        },
      });
      prompt = window;
      window.removeMenu();
      window.on('closed', () => {
        clearTimeout(idle);
        if (prompt === window) prompt = undefined;
      });
      window.once('ready-to-show', () => window.show());
      stillThere();
      const html = unlockPageHtml(options.t, options.lang);
      window
        .loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
        .catch((error: unknown) => options.log.error({ err: error }, 'unlock prompt failed to load'));
    },
  };
}
