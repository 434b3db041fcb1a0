import { Field, ID, InputType } from 'type-graphql';
import { DemocraticParty, PersonTag } from './person.enums.js';

@InputType({ description: 'Filter of the people list; all given conditions must hold' })
export class PersonFilter {
  @Field(() => ID, { nullable: true, description: "Only people residing in this region's subtree" })
  regionId?: string | null;

  @Field(() => PersonTag, { nullable: true, description: 'Only people with this tag' })
  tag?: PersonTag | null;

  @Field(() => String, { nullable: true, description: 'Only people whose name contains this text, or whose mobile number is exactly this' })
  search?: string | null;
}

@InputType({ description: 'Changes to a person: omitted fields stay as they are, null clears an optional field' })
export class PersonUpdateInput {
  @Field(() => String, { nullable: true, description: 'Name, at most 50 characters' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Mainland mobile number; an account keeps a phone or an email' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address; an account keeps a phone or an email' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Home address, at most 200 characters' })
  address?: string | null;

  @Field(() => ID, { nullable: true, description: 'Region the person lives in (usually a grid or a community)' })
  residenceRegionId?: string | null;

  @Field(() => [PersonTag], { nullable: true, description: 'Tags, replacing the current ones' })
  tags?: PersonTag[] | null;

  @Field(() => [String], { nullable: true, description: 'Skills, replacing the current ones: at most 20, each at most 30 characters' })
  skills?: string[] | null;

  @Field(() => DemocraticParty, { nullable: true, description: 'Democratic party, for a democratic-party member' })
  democraticParty?: DemocraticParty | null;

  @Field(() => ID, { nullable: true, description: 'Party organisation of the work unit (双报到); must be a PARTY_ORGANISATION' })
  partyHomeOrganisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Party organisation of the residence community (双报到); must be a PARTY_ORGANISATION' })
  partyResidenceOrganisationId?: string | null;
}
