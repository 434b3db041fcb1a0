import type { DemandStatus } from '@/graphql/generated/graphql';
import { CLOSED_STATUSES } from './demand-statuses';

/** A tab of a work queue: which statuses it shows, and whether overdue tickets are listed first. */
export interface QueueTab {
  name: string;
  statuses: readonly DemandStatus[];
  splitOverdue: boolean;
}

/** The grid worker's inbox: new and declined tickets to route, those being handled, those closed. */
export const GRID_TABS: readonly QueueTab[] = [
  { name: 'toDispatch', statuses: ['SUBMITTED'], splitOverdue: true },
  { name: 'inProgress', statuses: ['DISPATCHED', 'ACCEPTED', 'RESOLVED'], splitOverdue: true },
  { name: 'closed', statuses: CLOSED_STATUSES, splitOverdue: false },
];

/** An organisation's queue: tickets to accept or decline, to work on, and done. */
export const ORGANISATION_TABS: readonly QueueTab[] = [
  { name: 'toAccept', statuses: ['DISPATCHED'], splitOverdue: true },
  { name: 'working', statuses: ['ACCEPTED'], splitOverdue: true },
  { name: 'done', statuses: ['RESOLVED', 'RATED', 'CLOSED_UNRATED'], splitOverdue: false },
];
