import type { ServiceOfferingKind } from '@/graphql/generated/graphql';

/** What kind of service an offering is, in the order of the filters and the form. */
export const OFFERING_KINDS: readonly ServiceOfferingKind[] = [
  'CARE_SERVICE',
  'VOLUNTEER_SERVICE',
  'REPAIR_MAINTENANCE',
  'HEALTH',
  'LEGAL_AID',
  'POLICY_ADVICE',
  'TECHNICAL_GUIDANCE',
  'CULTURE',
  'OTHER',
];

export const OFFERING_LIMITS = { title: 100, description: 2000, regions: 20 } as const;
