import type { HandlersFor } from './api/registry.ts';
import { auditHandlers } from './audit/handlers.ts';
import { authHandlers } from './auth/handlers.ts';
import { backupsHandlers } from './backups/handlers.ts';
import { calendarHandlers } from './calendar/handlers.ts';
import { catalogueHandlers } from './catalogue/handlers.ts';
import { complaintsHandlers } from './complaints/handlers.ts';
import { customersHandlers } from './customers/handlers.ts';
import type { CoreDeps } from './deps.ts';
import { devicesHandlers } from './devices/handlers.ts';
import { diagnosticsHandlers } from './diagnostics/handlers.ts';
import type { DomainContracts } from './domains.ts';
import { followupsHandlers } from './followups/handlers.ts';
import { hallHandlers } from './hall/handlers.ts';
import { intakeHandlers } from './intake/handlers.ts';
import { privacyHandlers } from './privacy/handlers.ts';
import { queueHandlers } from './queue/handlers.ts';
import { ratingsHandlers } from './ratings/handlers.ts';
import { reportsHandlers } from './reports/handlers.ts';
import { setupHandlers } from './setup/handlers.ts';
import { staffHandlers } from './staff/handlers.ts';
import { staffProfileHandlers } from './staff/profile-handlers.ts';
import { syncHandlers } from './sync/handlers.ts';
import { updatesHandlers } from './updates/handlers.ts';

/** Each domain of domains.ts and the factory of its handlers; the type asks for every domain, and nothing else. */
export const domainHandlers: { [D in keyof DomainContracts]: (deps: CoreDeps) => HandlersFor<DomainContracts[D]> } = {
  setup: setupHandlers,
  auth: authHandlers,
  staff: staffHandlers,
  devices: devicesHandlers,
  hall: hallHandlers,
  queue: queueHandlers,
  catalogue: catalogueHandlers,
  calendar: calendarHandlers,
  customers: customersHandlers,
  intake: intakeHandlers,
  ratings: ratingsHandlers,
  sync: syncHandlers,
  reports: reportsHandlers,
  complaints: complaintsHandlers,
  followups: followupsHandlers,
  audit: auditHandlers,
  backups: backupsHandlers,
  staffProfile: staffProfileHandlers,
  privacy: privacyHandlers,
  updates: updatesHandlers,
  diagnostics: diagnosticsHandlers,
};
