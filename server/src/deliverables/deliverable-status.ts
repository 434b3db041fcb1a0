import { DeliverableStatus } from './deliverable.enums.js';

/** Who may make a move: the owners' members and coordinators ("edit"), or coordinators only ("review"). */
export type DeliverableMoveRight = 'edit' | 'review';

/** The allowed moves; sending a submission back needs a reason. */
export const DELIVERABLE_TRANSITIONS: Readonly<Record<DeliverableStatus, Partial<Record<DeliverableStatus, DeliverableMoveRight>>>> = {
  [DeliverableStatus.PLANNED]: { [DeliverableStatus.IN_PROGRESS]: 'edit' },
  [DeliverableStatus.IN_PROGRESS]: { [DeliverableStatus.SUBMITTED]: 'edit' },
  [DeliverableStatus.SUBMITTED]: { [DeliverableStatus.ACCEPTED]: 'review', [DeliverableStatus.IN_PROGRESS]: 'review' },
  [DeliverableStatus.ACCEPTED]: {},
};

/** Past its due day (in China) and not accepted. */
export function isOverdue(status: DeliverableStatus, dueOn: string | null | undefined, today: string): boolean {
  return status !== DeliverableStatus.ACCEPTED && !!dueOn && dueOn < today;
}
