import type { ProjectPartnerRole, ProjectPartnerStatus } from '@/graphql/generated/graphql';

/** The core first, then the roles by weight: the order the partners tab groups them in. */
export const PARTNER_ROLES: readonly ProjectPartnerRole[] = ['CORE', 'CO_LEAD', 'PARTNER', 'SUPPORTER'];

/** Roles a project may offer; CORE belongs to the lead alone. */
export const INVITABLE_ROLES: readonly ProjectPartnerRole[] = ['CO_LEAD', 'PARTNER', 'SUPPORTER'];

/** Places that are (or may become) live: an organisation holding one cannot apply again. */
export const LIVE_PARTNER_STATUSES: readonly ProjectPartnerStatus[] = ['ACCEPTED', 'INVITED', 'APPLIED'];

/** The tab's status filter: all places, the partners, those waiting for an answer, the ended ones. */
export const PARTNER_STATUS_GROUPS = {
  all: null,
  accepted: ['ACCEPTED'],
  pending: ['INVITED', 'APPLIED'],
  ended: ['DECLINED', 'WITHDRAWN'],
} as const satisfies Record<string, readonly ProjectPartnerStatus[] | null>;

export type PartnerStatusGroup = keyof typeof PARTNER_STATUS_GROUPS;

export const PARTNER_STATUS_TAG_TYPES: Readonly<Record<ProjectPartnerStatus, 'info' | 'primary' | 'success' | 'warning' | 'danger'>> = {
  ACCEPTED: 'success',
  INVITED: 'warning',
  APPLIED: 'warning',
  DECLINED: 'danger',
  WITHDRAWN: 'info',
};
