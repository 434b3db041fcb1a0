import { registerEnumType } from 'type-graphql';

/** What kind of resource a project lacks. */
export enum NeedKind {
  FUNDS = 'FUNDS',
  MATERIALS = 'MATERIALS',
  VENUE = 'VENUE',
  VOLUNTEER_HOURS = 'VOLUNTEER_HOURS',
  PROFESSIONAL_SERVICE = 'PROFESSIONAL_SERVICE',
  TECHNOLOGY = 'TECHNOLOGY',
  POLICY_ADVICE = 'POLICY_ADVICE',
  LEGAL_AID = 'LEGAL_AID',
  OTHER = 'OTHER',
}

registerEnumType(NeedKind, {
  name: 'NeedKind',
  description: 'Kind of resource a project needs',
  valuesConfig: { FUNDS: { description: 'Money, in yuan' } },
});
