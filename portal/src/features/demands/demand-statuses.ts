import type { DemandContactPreference, DemandRating, DemandStatus } from '@/graphql/generated/graphql';

/** Someone still owes the resident an answer or a resolution. */
export const OPEN_STATUSES: readonly DemandStatus[] = ['SUBMITTED', 'DISPATCHED', 'ACCEPTED'];

/** Ended one way or another (no deadline applies any more). */
export const CLOSED_STATUSES: readonly DemandStatus[] = ['RATED', 'CLOSED_UNRATED', 'REJECTED', 'MERGED', 'CONVERTED_TO_NEED'];

/** Resolved and waiting for the resident's rating. */
export const AWAITING_RATING: readonly DemandStatus[] = ['RESOLVED'];

export const RATINGS: readonly DemandRating[] = ['SATISFIED', 'PARTLY', 'UNSATISFIED'];

export const CONTACT_PREFERENCES: readonly DemandContactPreference[] = ['PHONE_CALL', 'SMS', 'HOME_VISIT', 'ONLINE_ONLY'];

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** Colour of a status: waiting on someone (warning), being worked on (primary), done well (success), ended otherwise (info). */
export function statusTagType(status: DemandStatus): TagType {
  switch (status) {
    case 'SUBMITTED':
    case 'DISPATCHED':
      return 'warning';
    case 'ACCEPTED':
    case 'RESOLVED':
      return 'primary';
    case 'RATED':
      return 'success';
    case 'REJECTED':
      return 'danger';
    default:
      return 'info';
  }
}
