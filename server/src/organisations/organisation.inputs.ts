import { Field, ID, InputType } from 'type-graphql';
import { DemocraticParty } from '../people/person.enums.js';
import { OrganisationKind, OrganisationSubtype, VerificationDecision, VerificationStatus } from './organisation.enums.js';

@InputType({ description: 'Filter of the organisation list; all given conditions must hold' })
export class OrganisationFilter {
  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind' })
  kind?: OrganisationKind | null;

  @Field(() => ID, { nullable: true, description: "Only organisations in this region's subtree, the region itself included" })
  regionId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only VERIFIED organisations; false: only those not verified' })
  verified?: boolean | null;

  @Field(() => VerificationStatus, { nullable: true, description: 'Only organisations with this verification status' })
  verificationStatus?: VerificationStatus | null;

  @Field(() => String, { nullable: true, description: 'Only organisations whose name or credit code contains this text' })
  search?: string | null;
}

@InputType({ description: 'A new organisation; it starts PENDING verification and its creator becomes its ADMIN' })
export class OrganisationCreateInput {
  @Field(() => String, { description: 'Full name, at most 100 characters; unique within its region' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation; cannot be changed later' })
  kind!: OrganisationKind;

  @Field(() => OrganisationSubtype, { nullable: true, description: 'Subtype; must be one the kind has' })
  subtype?: OrganisationSubtype | null;

  @Field(() => DemocraticParty, { nullable: true, description: 'Required for, and only for, a DEMOCRATIC_PARTY organisation' })
  democraticParty?: DemocraticParty | null;

  @Field(() => ID, { description: 'Region the organisation sits in' })
  regionId!: string;

  @Field(() => ID, { nullable: true, description: 'Parent organisation, e.g. the committee above a branch' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (18 characters, with a valid check character)' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does, at most 2000 characters' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact (a role or office), at most 100 characters' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Public office telephone, e.g. 0877-2021234' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Office address, at most 200 characters' })
  address?: string | null;
}

@InputType({
  description:
    'Changes to an organisation: omitted fields stay as they are, null clears an optional field. ' +
    'Changing the name or credit code of a VERIFIED organisation sends it back to PENDING.',
})
export class OrganisationUpdateInput {
  @Field(() => String, { nullable: true, description: 'Full name, at most 100 characters' })
  name?: string | null;

  @Field(() => OrganisationSubtype, { nullable: true, description: 'Subtype; must be one the kind has' })
  subtype?: OrganisationSubtype | null;

  @Field(() => DemocraticParty, { nullable: true, description: 'Democratic party of a DEMOCRATIC_PARTY organisation' })
  democraticParty?: DemocraticParty | null;

  @Field(() => ID, { nullable: true, description: 'Region the organisation sits in' })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Parent organisation; not the organisation itself nor one below it' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code' })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact (a role or office)' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Public office telephone' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Office address' })
  address?: string | null;
}

@InputType({ description: 'A verification decision' })
export class OrganisationVerifyInput {
  @Field(() => VerificationDecision, { description: 'Verify or reject' })
  decision!: VerificationDecision;

  @Field(() => String, { nullable: true, description: 'Reason, at most 500 characters; required when rejecting' })
  note?: string | null;
}
