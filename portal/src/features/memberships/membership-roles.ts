import type { MembershipRole } from '@/graphql/generated/graphql';

/** Most to least responsibility, as role pickers list them. */
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['ADMIN', 'COORDINATOR', 'MEMBER'];
