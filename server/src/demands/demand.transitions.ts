import { DemandStatus } from './demand.enums.js';

/** What can be done to a ticket; each has the statuses it may start from. */
export type DemandCommand = 'dispatch' | 'accept' | 'decline' | 'addAction' | 'resolve' | 'rate' | 'merge' | 'reject' | 'toNeed';

/**
 * The allowed starting statuses of each command; anything else is INVALID_STATE_TRANSITION.
 * A dispatcher may re-dispatch an accepted ticket (the only way it changes owner: no bouncing
 * between organisations without a dispatcher's decision); organisations may decline only before
 * accepting; once accepted, a ticket can no longer be rejected, merged or turned into a need.
 */
export const DEMAND_COMMAND_FROM: Readonly<Record<DemandCommand, readonly DemandStatus[]>> = {
  dispatch: [DemandStatus.SUBMITTED, DemandStatus.DISPATCHED, DemandStatus.ACCEPTED],
  accept: [DemandStatus.DISPATCHED],
  decline: [DemandStatus.DISPATCHED],
  addAction: [DemandStatus.ACCEPTED],
  resolve: [DemandStatus.ACCEPTED],
  rate: [DemandStatus.RESOLVED],
  merge: [DemandStatus.SUBMITTED, DemandStatus.DISPATCHED],
  reject: [DemandStatus.SUBMITTED, DemandStatus.DISPATCHED],
  toNeed: [DemandStatus.SUBMITTED, DemandStatus.DISPATCHED],
};

/** Statuses in which someone still owes the resident something (a response or a resolution). */
export const OPEN_STATUSES: readonly DemandStatus[] = [DemandStatus.SUBMITTED, DemandStatus.DISPATCHED, DemandStatus.ACCEPTED];

/** Statuses that end a ticket. */
export const CLOSED_STATUSES: readonly DemandStatus[] = [
  DemandStatus.RATED,
  DemandStatus.CLOSED_UNRATED,
  DemandStatus.REJECTED,
  DemandStatus.MERGED,
  DemandStatus.CONVERTED_TO_NEED,
];

/** An UNSATISFIED rating reopens a ticket this many times; the next UNSATISFIED closes it. */
export const MAX_REOPENINGS = 1;

/** Days the resident has to rate a resolution before the ticket closes unrated. */
export const RATING_WINDOW_DAYS = 7;

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export function canStart(command: DemandCommand, status: DemandStatus): boolean {
  return DEMAND_COMMAND_FROM[command].includes(status);
}

const VERBS: Readonly<Record<DemandCommand, string>> = {
  dispatch: 'dispatch',
  accept: 'accept',
  decline: 'decline',
  addAction: 'record an action on',
  resolve: 'resolve',
  rate: 'rate',
  merge: 'merge',
  reject: 'reject',
  toNeed: 'turn into a need',
};

/** Why `command` is refused in `status`, for the INVALID_STATE_TRANSITION message. */
export function transitionMessage(command: DemandCommand, status: DemandStatus): string {
  const allowed = DEMAND_COMMAND_FROM[command].join(' or ');
  return `Cannot ${VERBS[command]} a ticket that is ${status}; only a ticket that is ${allowed} can be`;
}

/** The deadline a ticket is currently measured against: the response while nobody answered, then the resolution. */
export function currentDueAt(ticket: {
  status: DemandStatus;
  respondedAt?: Date | null;
  responseDueAt: Date;
  resolutionDueAt: Date;
}): Date | null {
  if (!OPEN_STATUSES.includes(ticket.status)) {
    return null;
  }
  return ticket.respondedAt ? ticket.resolutionDueAt : ticket.responseDueAt;
}
