import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../common/scalars/index.js';
import { CommitmentStatus, CommitmentVisibility } from './commitment.enums.js';

@InputType({ description: 'A new commitment (承诺)' })
export class CommitmentCreateInput {
  @Field(() => ID, { description: 'The verified Party organisation the commitment belongs to' })
  organisationId!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: you commit personally, as a party member of the organisation (you belong or report to it); false or omitted: the organisation commits (its ADMINs and COORDINATORs)',
  })
  personal?: boolean | null;

  @Field(() => String, { description: 'What is promised, in a line of at most 100 characters' })
  title!: string;

  @Field(() => String, { description: 'What exactly will be done, at most 5000 characters' })
  description!: string;

  @Field(() => String, { description: 'For whom, at most 200 characters' })
  beneficiary!: string;

  @Field(() => DateScalar, { description: 'Due day, today or later' })
  dueOn!: string;

  @Field(() => ID, { nullable: true, description: 'A project the commitment serves' })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A need of that project (the project is then taken from the need)' })
  needId?: string | null;

  @Field(() => CommitmentVisibility, { nullable: true, description: 'Who sees it; PUBLIC by default' })
  visibility?: CommitmentVisibility | null;
}

@InputType({ description: 'Changes to an unfulfilled commitment; omitted fields stay as they are' })
export class CommitmentUpdateInput {
  @Field(() => String, { nullable: true, description: 'New title' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New beneficiary' })
  beneficiary?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'New due day, today or later; an overdue commitment keeps its due day' })
  dueOn?: string | null;

  @Field(() => CommitmentVisibility, { nullable: true, description: 'New visibility' })
  visibility?: CommitmentVisibility | null;
}

@InputType({ description: 'A progress update (践诺) of a commitment' })
export class CommitmentProgressAddInput {
  @Field(() => ID, { description: 'The commitment' })
  commitmentId!: string;

  @Field(() => String, { description: 'What was done, at most 1000 characters' })
  note!: string;

  @Field(() => [String], { nullable: true, description: 'Links to evidence (http or https), at most 10' })
  evidenceUrls?: string[] | null;
}

@InputType({ description: 'Marking a commitment fulfilled' })
export class CommitmentFulfilInput {
  @Field(() => String, { nullable: true, description: 'How it was fulfilled, at most 1000 characters' })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Links to evidence (http or https), at most 10; kept as a last progress update' })
  evidenceUrls?: string[] | null;
}

@InputType({ description: 'A rating (评诺) of a fulfilled commitment' })
export class CommitmentEvaluateInput {
  @Field(() => ID, { description: 'The commitment' })
  commitmentId!: string;

  @Field(() => Int, { description: 'Score from 1 (poor) to 5 (excellent)' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Comment, at most 500 characters' })
  comment?: string | null;
}

@InputType({ description: 'Filter of the commitment list' })
export class CommitmentFilter {
  @Field(() => ID, { nullable: true, description: "Only this Party organisation's commitments (its members' personal ones included)" })
  organisationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only commitments of organisations in this region's subtree (the region itself included)",
  })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this party member's personal commitments" })
  personId?: string | null;

  @Field(() => [CommitmentStatus], { nullable: true, description: 'Only commitments in one of these statuses (as of today)' })
  status?: CommitmentStatus[] | null;
}
