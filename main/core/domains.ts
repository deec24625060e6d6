import type { ContractShape } from './api/method.ts';
import { auditContract } from './audit/contract.ts';
import { authContract } from './auth/contract.ts';
import { backupsContract } from './backups/contract.ts';
import { calendarContract } from './calendar/contract.ts';
import { catalogueContract } from './catalogue/contract.ts';
import { complaintsContract } from './complaints/contract.ts';
import { customersContract } from './customers/contract.ts';
import { devicesContract } from './devices/contract.ts';
import { diagnosticsContract } from './diagnostics/contract.ts';
import { followupsContract } from './followups/contract.ts';
import { hallContract } from './hall/contract.ts';
import { intakeContract } from './intake/contract.ts';
import { privacyContract } from './privacy/contract.ts';
import { queueContract } from './queue/contract.ts';
import { ratingsContract } from './ratings/contract.ts';
import { reportsContract } from './reports/contract.ts';
import { setupContract } from './setup/contract.ts';
import { staffContract } from './staff/contract.ts';
import { staffProfileContract } from './staff/profile-contract.ts';
import { syncContract } from './sync/contract.ts';
import { updatesContract } from './updates/contract.ts';

/**
 * The hall's domains, the one list both the contract (contract.ts) and the handlers
 * (domain-handlers.ts, typed from this list) are built from: a domain added here without its
 * handlers does not compile. Each key names the folder its methods live in (staff keeps its own
 * profile methods apart); the order is the API's order in /api/openapi.json.
 */
export const domainContracts = {
  setup: setupContract,
  auth: authContract,
  staff: staffContract,
  devices: devicesContract,
  hall: hallContract,
  queue: queueContract,
  catalogue: catalogueContract,
  calendar: calendarContract,
  customers: customersContract,
  intake: intakeContract,
  ratings: ratingsContract,
  sync: syncContract,
  reports: reportsContract,
  complaints: complaintsContract,
  followups: followupsContract,
  audit: auditContract,
  backups: backupsContract,
  staffProfile: staffProfileContract,
  privacy: privacyContract,
  updates: updatesContract,
  diagnostics: diagnosticsContract,
} satisfies Record<string, ContractShape>;

export type DomainContracts = typeof domainContracts;
export type DomainName = keyof DomainContracts;
