import type { HallStatus } from './hall/contract.ts';
import type { SyncProgressEvent } from './sync/progress.ts';
import type { WorkOrderChange } from './intake/work-order-status.ts';
import type { CallView, QueueOverview } from './queue/contract.ts';
import type { Invitation } from './ratings/contract.ts';

/**
 * Every event pushed to screens and its payload, one line per event; domains add theirs here.
 * main/server/push.ts sends each to the screens whose roles are in its audience.
 */
export type ScreenEventMap = {
  'hall/status': HallStatus;
  'staff/changed': { staffId: number };
  /** A staff member reached the daily cap of customer data reveals: the managers are told. */
  'customers/revealCapReached': { staffId: number | null; cap: number };
  /**
   * Something in the queue moved. It carries the new overview, computed once for all screens
   * (devices get it without phones or IDs): a screen shows it instead of asking again, which
   * with 20 boards cost 20 overviews per ticket.
   */
  'queue/changed': { reason: string; overview: QueueOverview };
  /** A ticket was called or recalled: the board shows it and announces it. */
  'queue/called': CallView & { recall: boolean };
  /** A fee list awaits the customer's signature: the rate screens among deviceIds (the counter's) fetch it with intake/pendingSignature. */
  'intake/signatureRequested': { requestId: number; counterId: number; deviceIds: number[] };
  /** The customer signed: the clerk's form may submit. */
  'intake/signed': { requestId: number; counterId: number };
  /** An application was accepted at a counter. */
  'intake/submitted': { applicationId: number; counterId: number; caseNumbers: string[] };
  /** A work order changed state (a manager's correction now, the nightly sync later). */
  'intake/workOrderChanged': WorkOrderChange;
  /** A customer is invited to rate: the counter's rating screens and devices show the clerk. */
  'ratings/invited': Invitation;
  /** The invitation ended (rated or unrated): screens go back to idle, devices cancel. No level: the clerk must not learn it. */
  'ratings/closed': { ratingId: number; counterId: number | null; status: 'rated' | 'unrated' };
  /** Ratings, figures or rectification tasks changed. */
  'ratings/changed': { reason: string };
  /** A counter's rating device changed health (connected / disconnected / no answer). */
  'ratings/deviceHealth': { counterId: number; health: string };
  /** A paired screen connected to the hall or dropped off: the counter's customer-screen status changes. */
  'devices/presence': { deviceId: number; connected: boolean };
  /**
   * A screen was paired, bound to another window or unpaired: the 设备 list and checklist, the
   * counters' customer-screen status and the rating screen itself read it again. `counterIds`
   * holds the window before and after, so a counter can tell whether it concerns it.
   */
  'devices/changed': { deviceId: number; reason: 'paired' | 'counterSet' | 'revoked'; counterIds: number[] };
  /** A manager changed a counter's rating device: the hall reopens it. */
  'ratings/devicesChanged': { counterId: number };
  /** A complaint was registered or took a step in the ledger. */
  'complaints/changed': { complaintId: number };
  /** Follow-up rules, tasks, results or problems changed. */
  'followups/changed': { reason: string };
  /** A sync run moved on (records sent of total, answers, updates): the manager's progress bar. */
  'sync/progress': SyncProgressEvent;
};

/**
 * Events between domains inside the hall process: no screen is shown them, whatever its role
 * (the bus has no way to push them: they carry no audience and no sequence number).
 */
export type InternalEventMap = {
  /** A clerk finished a service: the ratings domain invites the customer to rate it. */
  'queue/finished': { ticketId: number; counterId: number };
};

export type EventMap = ScreenEventMap & InternalEventMap;
