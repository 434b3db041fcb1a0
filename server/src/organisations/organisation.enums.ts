import { registerEnumType } from 'type-graphql';

/** The actors of 一核多元: the Party organisation at the core and its many partners. */
export enum OrganisationKind {
  PARTY_ORGANISATION = 'PARTY_ORGANISATION',
  GOVERNMENT_DEPARTMENT = 'GOVERNMENT_DEPARTMENT',
  ENTERPRISE = 'ENTERPRISE',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  DEMOCRATIC_PARTY = 'DEMOCRATIC_PARTY',
  VILLAGE_COMMITTEE = 'VILLAGE_COMMITTEE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
}

/** The subtypes that matter for a kind; which subtype fits which kind is checked by the service. */
export enum OrganisationSubtype {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PARTY_GENERAL_BRANCH = 'PARTY_GENERAL_BRANCH',
  PARTY_BRANCH = 'PARTY_BRANCH',
  STATE_OWNED = 'STATE_OWNED',
  PRIVATE = 'PRIVATE',
  VILLAGE_COLLECTIVE = 'VILLAGE_COLLECTIVE',
}

export const SUBTYPES_BY_KIND: Partial<Record<OrganisationKind, readonly OrganisationSubtype[]>> = {
  [OrganisationKind.PARTY_ORGANISATION]: [
    OrganisationSubtype.PARTY_COMMITTEE,
    OrganisationSubtype.PARTY_GENERAL_BRANCH,
    OrganisationSubtype.PARTY_BRANCH,
  ],
  [OrganisationKind.ENTERPRISE]: [OrganisationSubtype.STATE_OWNED, OrganisationSubtype.PRIVATE, OrganisationSubtype.VILLAGE_COLLECTIVE],
};

export enum VerificationStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

/** An administrator's decision on an organisation awaiting (or asking again for) verification. */
export enum VerificationDecision {
  VERIFY = 'VERIFY',
  REJECT = 'REJECT',
}

registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'Kind of organisation' });
registerEnumType(OrganisationSubtype, {
  name: 'OrganisationSubtype',
  description: 'Subtype of a party organisation (committee, general branch, branch) or an enterprise (ownership)',
  valuesConfig: { VILLAGE_COLLECTIVE: { description: 'Village collective company (强村公司)' } },
});
registerEnumType(VerificationStatus, { name: 'VerificationStatus', description: 'Whether an administrator verified the organisation' });
registerEnumType(VerificationDecision, {
  name: 'VerificationDecision',
  description: 'Decision of a verification',
  valuesConfig: {
    VERIFY: { description: 'The organisation is genuine: mark it VERIFIED' },
    REJECT: { description: 'The organisation could not be verified: mark it REJECTED, with a note saying why' },
  },
});
