import { ipcMain, type IpcMainInvokeEvent, screen } from 'electron';
import type { ApiError, Result } from '../core/api/errors.ts';
import type { FoundHall } from '../server/hall-mdns.ts';
import { fromApp } from './ipc-bridge.ts';
import { type HallTrust, hallPost, HallUnreachable, probeHall } from './hall-probe.ts';
import type { Logger } from './logger.ts';
import { pcSetupChannels } from '../../common/ipc-channels.ts';
import type { PcSetupChoice, PcSetupState, ProbedHallView } from './pc-setup-contract.ts';
import { hallUrlSchema, saveSettings, type Settings, settingsSchema, settingsVersion } from './settings.ts';
import { isResult } from '../core/api/is-result.ts';
import { z } from 'zod';

// What PC setup reads of a hall's sign-in answer (a hall of another version may say more).
const loginAnswer = z.object({ token: z.string(), staff: z.object({ name: z.string(), roles: z.array(z.string()) }) });

/**
 * The main process's side of the PC's setup page (pc-setup-contract.ts). On a new PC anyone at
 * it may choose the role (hall IT installing it); once set, a change needs an administrator of
 * the hall, checked by the hall itself (auth/login with the admin role), for ten minutes.
 */
export type PcSetupDeps = {
  settingsFile: string;
  /** This PC's settings now; undefined on a new PC. */
  current: Settings | undefined;
  brokenKept: boolean;
  log: Logger;
  now: () => Date;
  /** auth/login and auth/logout on the hall inside this app (hallServer role); absent otherwise. */
  embeddedCall?: (name: string, input: unknown, token: string | undefined) => Promise<Result<unknown>>;
  discover: (waitMs: number) => Promise<FoundHall[]>;
  /** Restarts the app into the saved role. */
  restart: () => void;
};

const adminWindowMs = 10 * 60_000;

const failure = (code: ApiError['code'], messageKey: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, messageKey } });
const forbidden = failure('forbidden', 'errors.forbidden');

function unreachable(error: unknown): { ok: false; error: ApiError } {
  if (error instanceof HallUnreachable && error.reason === 'untrusted') return failure('conflict', 'errors.pcSetup.untrusted');
  if (error instanceof HallUnreachable && error.reason === 'notHall') return failure('not_found', 'errors.pcSetup.notHall');
  return failure('not_found', 'errors.pcSetup.unreachable');
}

/** The settings a choice makes, with the pin main probed for that address; undefined if the page skipped the comparison. */
export function settingsFromChoice(choice: PcSetupChoice, probed: ReadonlyMap<string, ProbedHallView>, current: Settings | undefined): Result<Settings> {
  // What belongs to the PC rather than to its role (the unlock PIN, the printer, start at login) stays.
  const kept = {
    ...(current?.adminPinHash === undefined ? {} : { adminPinHash: current.adminPinHash }),
    ...(current?.printerName === undefined ? {} : { printerName: current.printerName }),
    ...(current?.openAtLogin === undefined ? {} : { openAtLogin: current.openAtLogin }),
  };
  if (choice.role === 'hallServer') {
    const port = current?.role === 'hallServer' ? current.port : 4720;
    const parsed = settingsSchema.safeParse({
      version: settingsVersion,
      role: 'hallServer',
      host: choice.lan ? '0.0.0.0' : '127.0.0.1',
      port,
      customerDisplay: choice.customerDisplay,
      ...kept,
    });
    return parsed.success ? { ok: true, value: parsed.data } : failure('validation', 'errors.validation');
  }
  const url = hallUrlSchema.safeParse(choice.hallUrl);
  if (!url.success) return failure('validation', 'errors.pcSetup.httpsNeeded');
  const hall = probed.get(url.data);
  // The certificate shown and compared is the one pinned: no address is saved unseen.
  if (!hall) return failure('conflict', 'errors.pcSetup.notCompared');
  const client = { version: settingsVersion, hallUrl: url.data, ...(hall.fingerprint ? { hallCertificate: hall.fingerprint } : {}), ...kept };
  const candidate =
    choice.role === 'counter'
      ? {
          ...client,
          role: choice.role,
          ...(choice.counter === undefined ? {} : { counter: choice.counter }),
          ...(choice.customerDisplay === undefined ? {} : { customerDisplay: choice.customerDisplay }),
        }
      : choice.role === 'board'
        ? { ...client, role: choice.role, ...(choice.display === undefined ? {} : { display: choice.display }) }
        : { ...client, role: choice.role };
  const parsed = settingsSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : failure('validation', 'errors.validation');
}

export function registerPcSetupBridge(deps: PcSetupDeps): void {
  const { log } = deps;
  const probed = new Map<string, ProbedHallView>();
  /** webContents id → when its administrator was verified. */
  const verified = new Map<number, number>();
  const adminOk = (event: IpcMainInvokeEvent) => {
    if (!deps.current) return true;
    const at = verified.get(event.sender.id);
    return at !== undefined && deps.now().getTime() - at < adminWindowMs;
  };
  const guarded = <A extends unknown[], R>(channel: string, refused: R, run: (event: IpcMainInvokeEvent, ...args: A) => Promise<R>) =>
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!fromApp(event.senderFrame)) {
        log.warn({ url: event.senderFrame?.url, channel }, 'PC setup call from a foreign page refused');
        return refused;
      }
      return run(event, ...(args as A));
    });

  guarded(pcSetupChannels.state, undefined, async (): Promise<PcSetupState> => {
    const primary = screen.getPrimaryDisplay();
    const c = deps.current;
    return {
      current: c ? { role: c.role, hallUrl: c.role === 'hallServer' ? null : c.hallUrl, counter: c.role === 'counter' ? (c.counter ?? null) : null } : null,
      adminNeeded: c !== undefined,
      brokenKept: deps.brokenKept,
      displays: screen.getAllDisplays().map((d) => ({ id: d.id, width: d.bounds.width, height: d.bounds.height, primary: d.id === primary.id })),
    };
  });

  guarded(pcSetupChannels.discover, [], async () => (await deps.discover(2500)).map((h) => ({ name: h.name, url: h.url, fingerprint: h.fingerprint })));

  guarded(pcSetupChannels.probe, forbidden, async (event, hallUrl: unknown): Promise<Result<ProbedHallView>> => {
    if (!adminOk(event)) return forbidden;
    const url = hallUrlSchema.safeParse(typeof hallUrl === 'string' ? hallUrl.trim() : hallUrl);
    if (!url.success) return failure('validation', 'errors.pcSetup.httpsNeeded');
    try {
      const hall = await probeHall(url.data, deps.now());
      const view = { url: url.data, ...hall };
      probed.set(url.data, view);
      return { ok: true, value: view };
    } catch (error) {
      log.warn({ err: error, hallUrl: url.data }, 'hall not reached from the PC setup');
      return unreachable(error);
    }
  });

  guarded(pcSetupChannels.verifyAdmin, forbidden, async (event, workNo: unknown, password: unknown): Promise<Result<{ name: string }>> => {
    const current = deps.current;
    if (!current) return { ok: true, value: { name: '' } };
    if (typeof workNo !== 'string' || typeof password !== 'string' || !workNo || !password || password.length > 128)
      return failure('validation', 'errors.badCredentials');
    let call: (name: string, input: unknown, token?: string) => Promise<Result<unknown>>;
    if (current.role === 'hallServer') {
      const embedded = deps.embeddedCall;
      if (!embedded) return failure('internal', 'errors.internal');
      call = (name, input, token) => embedded(name, input, token);
    } else {
      const trust: HallTrust = current.hallCertificate ? { kind: 'pin', pin: current.hallCertificate } : { kind: 'system' };
      call = async (name, input, token) => {
        const { body } = await hallPost(current.hallUrl, name, input, trust, deps.now(), token);
        return isResult(body) ? body : failure('internal', 'errors.internal');
      };
    }
    let login: Result<unknown>;
    try {
      login = await call('auth/login', { workNo, password });
    } catch (error) {
      return unreachable(error);
    }
    if (!login.ok) return login;
    const parsed = loginAnswer.safeParse(login.value);
    if (!parsed.success) return failure('internal', 'errors.internal');
    const session = parsed.data;
    // The session was only a check: it ends at once.
    await call('auth/logout', {}, session.token).catch(() => undefined);
    if (!session.staff.roles.includes('admin')) {
      log.warn({ workNo }, 'PC settings: not an administrator');
      return failure('forbidden', 'errors.pcSetup.adminOnly');
    }
    verified.set(event.sender.id, deps.now().getTime());
    log.info({ workNo }, 'PC settings opened by an administrator');
    return { ok: true, value: { name: session.staff.name } };
  });

  guarded(pcSetupChannels.save, forbidden, async (event, choice: unknown): Promise<Result<Record<string, never>>> => {
    if (!adminOk(event)) return forbidden;
    if (typeof choice !== 'object' || choice === null || !('role' in choice)) return failure('malformed', 'errors.malformed');
    const settings = settingsFromChoice(choice as PcSetupChoice, probed, deps.current);
    if (!settings.ok) return settings;
    try {
      saveSettings(deps.settingsFile, settings.value);
    } catch (error) {
      log.error({ err: error }, 'PC settings could not be saved');
      return failure('internal', 'errors.internal');
    }
    log.info({ role: settings.value.role, from: deps.current?.role ?? null }, 'PC role saved; restarting into it');
    // Answer the page first; the restart follows.
    setTimeout(deps.restart, 300);
    return { ok: true, value: {} };
  });
}
