import type { ReactElement } from 'react';
import type { StaffRoleName } from '../../main/core/api/roles.ts';
import { RatingsPage } from '../ratings/RatingsPage.tsx';
import { LazyReportsPage } from '../reports/LazyReportsPage.tsx';
import { SyncPage } from '../sync/SyncPage.tsx';
import { AuditPage } from '../ledgers/AuditPage.tsx';
import { BackupsPage } from '../ledgers/BackupsPage.tsx';
import { PrivacyPage } from '../ledgers/PrivacyPage.tsx';
import { ComplaintsPage } from '../ledgers/ComplaintsPage.tsx';
import { FollowUpsPage } from '../ledgers/FollowUpsPage.tsx';
import { ManagerWorkLists } from '../worklists/WorkListsScreen.tsx';
import { CataloguePage } from '../catalogue/CataloguePage.tsx';
import { AppointmentsPage } from '../appointments/AppointmentsPage.tsx';
import { UpdatesPage } from '../updates/UpdatesPage.tsx';

/**
 * The manager's desk beyond its front page (/manage): each domain adds one entry here,
 * and the desk shows it in its navigation and routes /manage/<path> to it.
 * `labelKey` is a namespaced key, e.g. 'reports:nav.daily'. A page with `roles` is listed only
 * for those roles (its methods refuse the others anyway).
 */
export type ManagePage = { path: string; labelKey: string; element: () => ReactElement; roles?: readonly StaffRoleName[] };

export const managePages: ManagePage[] = [
  { path: 'reports', labelKey: 'reports:nav.title', element: LazyReportsPage },
  { path: 'applications', labelKey: 'worklists:nav.manage', element: ManagerWorkLists },
  { path: 'appointments', labelKey: 'appointments:nav.title', element: AppointmentsPage },
  { path: 'catalogue', labelKey: 'catalogueDesk:nav.title', element: CataloguePage },
  { path: 'ratings', labelKey: 'ratings:nav.title', element: RatingsPage },
  { path: 'complaints', labelKey: 'ledgers:nav.complaints', element: ComplaintsPage },
  { path: 'followups', labelKey: 'ledgers:nav.followUps', element: FollowUpsPage },
  { path: 'sync', labelKey: 'sync:nav.title', element: SyncPage },
  { path: 'audit', labelKey: 'ledgers:nav.audit', element: AuditPage },
  { path: 'backups', labelKey: 'ledgers:nav.backups', element: BackupsPage },
  { path: 'privacy', labelKey: 'privacy:nav.title', element: PrivacyPage, roles: ['admin'] },
  { path: 'updates', labelKey: 'updates:nav.title', element: UpdatesPage, roles: ['admin'] },
];
