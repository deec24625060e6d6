import type { Result } from '../core/api/errors.ts';
import type { Role } from './settings.ts';

/**
 * The narrow bridge of the PC's own setup page (app://hall/pc-setup): the first-start wizard and
 * the settings page behind the administrator's password. Types only, shared by the main process
 * (pc-setup-bridge.ts), the preload and the renderer (renderer/pc-setup); the channel names are
 * in common/ipc-channels.ts.
 */
export type PcDisplay = { id: number; width: number; height: number; primary: boolean };

export type PcSetupState = {
  /** This PC's role now; null on a new PC (the wizard). */
  current: { role: Role; hallUrl: string | null; counter: number | null } | null;
  /** Whether the administrator must sign in before anything is changed (a PC already set up). */
  adminNeeded: boolean;
  /** A settings file that could not be read was kept aside (the wizard says so). */
  brokenKept: boolean;
  displays: PcDisplay[];
};

export type FoundHallView = { name: string; url: string; fingerprint: string | null };

/** What the hall presented, to be compared by eye with its console before it is trusted. */
export type ProbedHallView = { url: string; https: boolean; fingerprint: string | null; thumbprint: string | null };

/** The role chosen on the page; the hall's certificate pin is never sent from the page: main keeps the one it probed. */
export type PcSetupChoice =
  | { role: 'hallServer'; lan: boolean; customerDisplay: number | null | undefined }
  | { role: 'counter'; hallUrl: string; counter: number | undefined; customerDisplay: number | null | undefined }
  | { role: 'kiosk' | 'managerDesk'; hallUrl: string }
  | { role: 'board'; hallUrl: string; display: number | undefined };

export type PcSetupBridge = {
  state: () => Promise<PcSetupState>;
  discover: () => Promise<FoundHallView[]>;
  probe: (hallUrl: string) => Promise<Result<ProbedHallView>>;
  verifyAdmin: (workNo: string, password: string) => Promise<Result<{ name: string }>>;
  /** Saves and restarts the app into the role. */
  save: (choice: PcSetupChoice) => Promise<Result<Record<string, never>>>;
};
