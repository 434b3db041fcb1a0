import { registerEnumType } from 'type-graphql';

/** PROPOSED → ACCEPTED → FULFILLED, or DECLINED, WITHDRAWN, CANCELLED. */
export enum PledgeStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  FULFILLED = 'FULFILLED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  CANCELLED = 'CANCELLED',
}

/** Pledges that count against their need (the need can't be pledged beyond its quantity with these). */
export const LIVE_PLEDGE_STATUSES: readonly PledgeStatus[] = [PledgeStatus.PROPOSED, PledgeStatus.ACCEPTED, PledgeStatus.FULFILLED];

registerEnumType(PledgeStatus, {
  name: 'PledgeStatus',
  description: 'Status of a pledge',
  valuesConfig: {
    PROPOSED: { description: 'Offered by the organisation; the project has not answered' },
    ACCEPTED: { description: 'Accepted by the project; deliveries may be recorded' },
    FULFILLED: { description: 'Confirmed deliveries cover the pledged quantity' },
    DECLINED: { description: 'Declined by the project' },
    WITHDRAWN: { description: 'Withdrawn by the pledging organisation before fulfilment' },
    CANCELLED: { description: 'Cancelled because the need was closed or the project ended' },
  },
});
