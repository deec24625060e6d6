import type { HallEvent } from '../../main/core/events.ts';
import type { PushMessage } from '../../main/server/push.ts';
import { setHallTime } from '../shared/hall-clock.ts';
import { bridge } from './bridge.ts';
import { getToken, type SessionScope } from './session.ts';

type Listener = (event: HallEvent) => void;

export type PushState = 'connecting' | 'online' | 'offline';

/**
 * One push connection per screen. It remembers the last event it saw and asks for
 * what it missed after a reconnect; when the hall no longer holds those events it
 * tells the screen to reload its state (resync) instead of guessing.
 */
export function connectPush(scope: SessionScope, handlers: { onEvent: Listener; onResync: () => void; onState: (s: PushState) => void }) {
  let lastSeq: number | undefined;
  let closed = false;
  let socket: WebSocket | undefined;
  let retry = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const handle = (message: PushMessage) => {
    if (message.kind === 'hello') {
      // Each (re)connection sets the screen's clock to the hall's again.
      setHallTime(message.time);
      handlers.onState('online');
      retry = 0;
      if (lastSeq === undefined) lastSeq = message.seq;
      else if (message.seq < lastSeq) {
        // The hall server restarted: its numbering began again.
        lastSeq = message.seq;
        handlers.onResync();
      }
    } else if (message.kind === 'resync') {
      lastSeq = message.seq;
      handlers.onResync();
    } else if (lastSeq === undefined || message.event.seq > lastSeq) {
      lastSeq = message.event.seq;
      handlers.onEvent(message.event);
    }
  };

  const viaBridge = bridge();
  if (viaBridge) {
    const off = viaBridge.onPush(handle);
    viaBridge.hello(getToken(scope), undefined);
    handlers.onState('online');
    return () => off();
  }

  const schedule = () => {
    retry += 1;
    // Back off to at most 5 s so a screen is back soon after the network is.
    timer = setTimeout(open, Math.min(5000, 250 * 2 ** retry));
  };

  const open = () => {
    if (closed) return;
    timer = undefined;
    handlers.onState('connecting');
    const url = new URL('/api/events', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ token: getToken(scope), since: lastSeq }));
    ws.onmessage = (e) => handle(JSON.parse(String(e.data)) as PushMessage);
    ws.onclose = () => {
      if (closed || socket !== ws) return;
      socket = undefined;
      handlers.onState('offline');
      schedule();
    };
  };

  // A socket can outlive its network by minutes before it notices. When the machine says
  // the network is gone, this one is given up at once (its late messages ignored), and
  // when the network is back the screen reconnects without waiting for the back-off.
  const onOffline = () => {
    const ws = socket;
    if (closed || !ws) return;
    socket = undefined;
    ws.onmessage = null;
    ws.onclose = null;
    ws.close();
    handlers.onState('offline');
    if (!timer) schedule();
  };
  const onOnline = () => {
    if (closed || socket) return;
    if (timer) clearTimeout(timer);
    retry = 0;
    open();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  open();
  return () => {
    closed = true;
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    if (timer) clearTimeout(timer);
    socket?.close();
  };
}
