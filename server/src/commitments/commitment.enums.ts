import { registerEnumType } from 'type-graphql';

/** Derived from the due date, the fulfilment and the evaluations; never stored. */
export enum CommitmentStatus {
  OPEN = 'OPEN',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  FULFILLED = 'FULFILLED',
  EVALUATED = 'EVALUATED',
}

export enum CommitmentVisibility {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
}

registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description: 'Status of a commitment, derived from its due date, fulfilment and evaluations',
  valuesConfig: {
    OPEN: { description: 'Not fulfilled; due in more than 7 days' },
    DUE_SOON: { description: 'Not fulfilled; due within 7 days (today included)' },
    OVERDUE: { description: 'Not fulfilled and past its due date' },
    FULFILLED: { description: 'Fulfilled (践诺), not evaluated yet' },
    EVALUATED: { description: 'Fulfilled and rated by at least one resident or council member (评诺)' },
  },
});

registerEnumType(CommitmentVisibility, {
  name: 'CommitmentVisibility',
  description: 'Who sees a commitment',
  valuesConfig: {
    PUBLIC: { description: 'Everyone' },
    INTERNAL: { description: 'Members of the organisation and of the party committees above it' },
  },
});
