import type { DeliverableStatus } from '@/graphql/generated/graphql';

/** The board's columns, in the order a deliverable moves through them. */
export const DELIVERABLE_STATUSES: readonly DeliverableStatus[] = ['PLANNED', 'IN_PROGRESS', 'SUBMITTED', 'ACCEPTED'];

/**
 * The moves the API allows (server/src/deliverables/deliverable-status.ts) and who makes them:
 * `edit` = owners' members and coordinators (viewerCanUpdate), `review` = coordinators
 * (viewerCanReview). Sending a submission back needs a reason.
 */
export interface DeliverableMove {
  key: 'start' | 'submit' | 'accept' | 'sendBack';
  to: DeliverableStatus;
  right: 'edit' | 'review';
}

export const DELIVERABLE_MOVES: Readonly<Record<DeliverableStatus, readonly DeliverableMove[]>> = {
  PLANNED: [{ key: 'start', to: 'IN_PROGRESS', right: 'edit' }],
  IN_PROGRESS: [{ key: 'submit', to: 'SUBMITTED', right: 'edit' }],
  SUBMITTED: [
    { key: 'accept', to: 'ACCEPTED', right: 'review' },
    { key: 'sendBack', to: 'IN_PROGRESS', right: 'review' },
  ],
  ACCEPTED: [],
};
