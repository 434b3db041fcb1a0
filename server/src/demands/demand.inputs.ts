import { Field, ID, InputType } from 'type-graphql';
import { DemandCategory, DemandChannel, DemandContactPreference, DemandRating, DemandStatus } from './demand.enums.js';

@InputType({ description: 'A new demand (点单), by a resident for themself or by a grid worker for a resident' })
export class DemandSubmitInput {
  @Field(() => ID, { nullable: true, description: 'The resident the demand is for; omit when submitting for yourself' })
  residentId?: string | null;

  @Field(() => DemandChannel, {
    nullable: true,
    description: 'How it reached the platform: ONLINE for yourself (the default); IN_PERSON or PHONE when recording for a resident',
  })
  channel?: DemandChannel | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Grid or micro-grid the demand is in; defaults to the resident’s residence when that is a grid',
  })
  gridId?: string | null;

  @Field(() => DemandCategory, { description: 'What the demand is about' })
  category!: DemandCategory;

  @Field(() => String, { description: 'What is needed, at most 2000 characters' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Where, in words, at most 200 characters (not the exact address)' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact name; defaults to the resident’s name' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone; defaults to the resident’s phone' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact address, at most 200 characters; defaults to the resident’s address' })
  contactAddress?: string | null;

  @Field(() => DemandContactPreference, { nullable: true, description: 'How to contact the resident; PHONE_CALL by default' })
  contactPreference?: DemandContactPreference | null;

  @Field(() => [String], { nullable: true, description: 'Links (http or https) to photos or documents, at most 10' })
  evidenceUrls?: string[] | null;
}

@InputType({ description: 'Where to send a ticket' })
export class DemandDispatchInput {
  @Field(() => ID, { description: 'The verified organisation that should take the ticket on' })
  organisationId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Note for the organisation, at most 1000 characters; required when taking an accepted ticket from its owner',
  })
  note?: string | null;
}

@InputType({ description: 'Why an organisation declines a ticket' })
export class DemandDeclineInput {
  @Field(() => String, { description: 'Reason the dispatcher reads, at most 1000 characters' })
  reason!: string;
}

@InputType({ description: 'Something the owner did while working on a ticket, or its resolution' })
export class DemandNoteInput {
  @Field(() => String, { description: 'What was done, at most 2000 characters' })
  note!: string;

  @Field(() => [String], { nullable: true, description: 'Links (http or https) to evidence, at most 10' })
  evidenceUrls?: string[] | null;
}

@InputType({ description: 'The resident’s judgement of a resolution' })
export class DemandRateInput {
  @Field(() => DemandRating, { description: 'Satisfied, partly satisfied or unsatisfied (unsatisfied reopens the ticket once)' })
  rating!: DemandRating;

  @Field(() => String, { nullable: true, description: 'Comment, at most 500 characters; required when unsatisfied' })
  comment?: string | null;
}

@InputType({ description: 'The ticket a duplicate is merged into' })
export class DemandMergeInput {
  @Field(() => ID, { description: 'The open ticket of the same grid that this one duplicates' })
  intoId!: string;

  @Field(() => String, { nullable: true, description: 'Note for the resident, at most 1000 characters' })
  note?: string | null;
}

@InputType({ description: 'Why a dispatcher rejects a ticket' })
export class DemandRejectInput {
  @Field(() => String, { description: 'Reason the resident reads, at most 500 characters' })
  reason!: string;
}

@InputType({ description: 'The project need a ticket is turned into' })
export class DemandToNeedInput {
  @Field(() => ID, { description: 'An open need of a recruiting or active project serving the ticket’s grid' })
  needId!: string;

  @Field(() => String, { nullable: true, description: 'Note for the resident, at most 1000 characters' })
  note?: string | null;
}

@InputType({ description: 'Filter of the demand list; all given conditions must hold' })
export class DemandFilter {
  @Field(() => [DemandStatus], { nullable: true, description: 'Only tickets in one of these statuses' })
  status?: DemandStatus[] | null;

  @Field(() => DemandCategory, { nullable: true, description: 'Only tickets of this category' })
  category?: DemandCategory | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets in this region’s subtree, the region itself included' })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets dispatched to (or owned by) this organisation' })
  assignedOrganisationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only tickets past their current deadline; false: only those that are not' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only escalated tickets; false: only those never escalated' })
  escalated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only your own demands (as the resident)' })
  mine?: boolean | null;
}
