import type { ReactElement } from 'react';

/**
 * The manager's desk beyond its front page (/manage): each domain adds one entry here,
 * and the desk shows it in its navigation and routes /manage/<path> to it.
 * `labelKey` is a namespaced key, e.g. 'reports:nav.daily'.
 */
export type ManagePage = { path: string; labelKey: string; element: () => ReactElement };

export const managePages: ManagePage[] = [];
