import { registerEnumType } from 'type-graphql';

/** PLANNED → IN_PROGRESS → SUBMITTED → ACCEPTED, or SUBMITTED → IN_PROGRESS with a reason. */
export enum DeliverableStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
}

registerEnumType(DeliverableStatus, {
  name: 'DeliverableStatus',
  description: 'Status of a shared deliverable',
  valuesConfig: {
    PLANNED: { description: 'Planned, not started' },
    IN_PROGRESS: { description: 'Being worked on (also after a submission was sent back)' },
    SUBMITTED: { description: 'Submitted with evidence; waiting for the coordinators to accept it' },
    ACCEPTED: { description: 'Accepted by the project coordinators' },
  },
});
