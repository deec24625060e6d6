/**
 * What the core asks of the process that holds the hall's release folder and data folder (the
 * hall server, main/server/updates/updates-port.ts). A core without it (tests, a client) says
 * releases and diagnostics are not available here.
 */
export type ReleasePlatformName = 'windows' | 'linuxX64' | 'linuxArm64';

export type ServedRelease = {
  platform: ReleasePlatformName;
  version: string;
  /** The installer the update file names. */
  file: string;
  releaseDate: string | null;
  installerPresent: boolean;
  sizeBytes: number | null;
};

export type DiagnosticsExport = {
  fileName: string;
  zip: Uint8Array;
  /** Log files in the zip, and the older ones left out to keep it under the limit. */
  logFiles: number;
  logFilesLeftOut: number;
  logLimitBytes: number;
};

export type UpdatesPort = {
  /** The hall's version, where its release folder is, the address a browser reaches it at, and what the folder serves. */
  releases: () => { hallVersion: string; releasesDir: string; hallUrl: string; releases: ServedRelease[] };
  /** 导出诊断信息 with the newest logs only (up to the port's limit), for answers that travel whole (IPC). */
  diagnostics: (now: Date) => DiagnosticsExport;
};
