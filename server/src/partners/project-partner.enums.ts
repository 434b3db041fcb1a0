import { registerEnumType } from 'type-graphql';

/** An organisation's place in a project: the one core (the lead) and its many partners. */
export enum ProjectPartnerRole {
  CORE = 'CORE',
  CO_LEAD = 'CO_LEAD',
  PARTNER = 'PARTNER',
  SUPPORTER = 'SUPPORTER',
}

export enum ProjectPartnerStatus {
  INVITED = 'INVITED',
  APPLIED = 'APPLIED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Statuses that hold the organisation's place: at most one such row per project and organisation. */
export const LIVE_PARTNER_STATUSES: readonly ProjectPartnerStatus[] = [
  ProjectPartnerStatus.INVITED,
  ProjectPartnerStatus.APPLIED,
  ProjectPartnerStatus.ACCEPTED,
];

registerEnumType(ProjectPartnerRole, {
  name: 'ProjectPartnerRole',
  description: 'Role of an organisation in a project',
  valuesConfig: {
    CORE: { description: 'The lead Party organisation, the core of the project (一核)' },
    CO_LEAD: { description: 'Leads together with the core; its admins and coordinators coordinate the project' },
    PARTNER: { description: 'Contributes to the project' },
    SUPPORTER: { description: 'Supports the project occasionally' },
  },
});
registerEnumType(ProjectPartnerStatus, {
  name: 'ProjectPartnerStatus',
  description: "Status of an organisation's place in a project",
  valuesConfig: {
    INVITED: { description: 'Invited by the project; the organisation has not answered' },
    APPLIED: { description: 'The organisation asked to join; the project has not answered' },
    ACCEPTED: { description: 'A partner of the project' },
    DECLINED: { description: 'The invitation or application was declined' },
    WITHDRAWN: { description: 'Withdrawn by the organisation, or the invitation was revoked' },
  },
});
