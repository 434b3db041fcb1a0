import type { PledgeStatus } from '@/graphql/generated/graphql';

export const PLEDGE_STATUSES: readonly PledgeStatus[] = ['PROPOSED', 'ACCEPTED', 'FULFILLED', 'DECLINED', 'WITHDRAWN', 'CANCELLED'];

export const PLEDGE_STATUS_TAG_TYPES: Readonly<Record<PledgeStatus, 'info' | 'primary' | 'success' | 'warning' | 'danger'>> = {
  PROPOSED: 'warning',
  ACCEPTED: 'primary',
  FULFILLED: 'success',
  DECLINED: 'danger',
  WITHDRAWN: 'info',
  CANCELLED: 'info',
};
