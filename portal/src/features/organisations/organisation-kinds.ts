import type { DemocraticParty, OrganisationKind, OrganisationSubtype, VerificationStatus } from '@/graphql/generated/graphql';

/** In the order of 一核多元: the Party organisation at the core first, then its partners. */
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'PARTY_ORGANISATION',
  'GOVERNMENT_DEPARTMENT',
  'VILLAGE_COMMITTEE',
  'ENTERPRISE',
  'SOCIAL_ORGANISATION',
  'DEMOCRATIC_PARTY',
  'PUBLIC_INSTITUTION',
];

/**
 * The subtypes a kind offers. Mirrors the server's rule so the form only offers valid
 * choices; the server still checks (INVALID on `subtype`).
 */
export const SUBTYPES_BY_KIND: Readonly<Partial<Record<OrganisationKind, readonly OrganisationSubtype[]>>> = {
  PARTY_ORGANISATION: ['PARTY_COMMITTEE', 'PARTY_GENERAL_BRANCH', 'PARTY_BRANCH'],
  ENTERPRISE: ['STATE_OWNED', 'PRIVATE', 'VILLAGE_COLLECTIVE'],
};

/** The eight democratic parties in their customary order (民革, 民盟, 民建, 民进, 农工党, 致公党, 九三学社, 台盟). */
export const DEMOCRATIC_PARTIES: readonly DemocraticParty[] = ['RCCK', 'CDL', 'CNDCA', 'CAPD', 'CPWDP', 'CZGP', 'JIUSAN', 'TDSGL'];

export const VERIFICATION_STATUSES: readonly VerificationStatus[] = ['VERIFIED', 'PENDING', 'REJECTED'];

export function subtypesOf(kind: OrganisationKind | null | undefined): readonly OrganisationSubtype[] {
  return (kind && SUBTYPES_BY_KIND[kind]) || [];
}
