import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateScalar } from '../common/scalars/index.js';
import { Node } from '../common/relay/node.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { CommitmentVisibility } from './commitment.enums.js';

/**
 * A public promise (承诺) of a Party organisation, or of one of its party members: what, for whom, by
 * when. Its progress (践诺) and evaluations (评诺) are their own records; its status is derived from
 * them and from today's date.
 */
@ObjectType({ implements: Node, description: 'A commitment (承诺) of a Party organisation or one of its party members' })
@Entity({ tableName: 'commitment' })
export class Commitment extends BaseEntity {
  /** The Party organisation the commitment belongs to (for a member's commitment, the member's branch). */
  @Index()
  @ManyToOne({ entity: () => Organisation })
  organisation!: Rel<Organisation>;

  /** The party member who committed personally; null for the organisation's own commitment. */
  @Index()
  @ManyToOne({ entity: () => Person, nullable: true })
  person?: Rel<Person> | null;

  @Field(() => String, { description: 'What is promised, in a line' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field(() => String, { description: 'What exactly will be done' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { description: 'For whom, e.g. 玉湖社区独居老人' })
  @Property({ type: 'string', length: 200 })
  beneficiary!: string;

  @Field(() => DateScalar, { description: 'Day by which it is promised (a day in China)' })
  @Index()
  @Property({ type: 'date' })
  dueOn!: string;

  @ManyToOne({ entity: () => Project, nullable: true })
  project?: Rel<Project> | null;

  @ManyToOne({ entity: () => Need, nullable: true })
  need?: Rel<Need> | null;

  @Field(() => CommitmentVisibility, { description: 'Who sees the commitment' })
  @Enum({ items: () => CommitmentVisibility, nativeEnumName: 'commitment_visibility' })
  visibility: CommitmentVisibility & Opt = CommitmentVisibility.PUBLIC;

  @Field(() => Date, { nullable: true, description: 'When the committing side marked it fulfilled (践诺)' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  fulfilledAt?: Date | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  fulfilledBy?: Rel<Person> | null;

  @Field(() => String, { nullable: true, description: 'How it was fulfilled, given when marking it fulfilled' })
  @Property({ type: 'string', length: 1000, nullable: true })
  fulfilmentNote?: string | null;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;

  @Field(() => Date, { description: 'When the commitment was last changed' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/** A progress update (践诺) with evidence; updates are added, never edited. */
@ObjectType({ implements: Node, description: 'A progress update of a commitment, with evidence' })
@Entity({ tableName: 'commitment_progress' })
export class CommitmentProgress extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Commitment })
  commitment!: Rel<Commitment>;

  @Field(() => String, { description: 'What was done' })
  @Property({ type: 'string', length: 1000 })
  note!: string;

  @Field(() => [String], { description: 'Links to evidence: photos, reports, minutes' })
  @Property({ type: 'string[]' })
  evidenceUrls: string[] & Opt = [];

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;
}

/** A rating (评诺) of a fulfilled commitment by a resident of its region or a council member; one per person. */
@ObjectType({ implements: Node, description: 'A rating of a fulfilled commitment by a resident or council member (评诺)' })
@Entity({ tableName: 'commitment_evaluation' })
@Unique({ properties: ['commitment', 'person'] })
@Check({ name: 'commitment_evaluation_score_range', expression: 'score >= 1 and score <= 5' })
export class CommitmentEvaluation extends BaseEntity {
  @ManyToOne({ entity: () => Commitment })
  commitment!: Rel<Commitment>;

  @Index()
  @ManyToOne({ entity: () => Person })
  person!: Rel<Person>;

  @Field(() => Int, { description: 'Score from 1 (poor) to 5 (excellent)' })
  @Property({ type: 'smallint' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Comment of the rater' })
  @Property({ type: 'string', length: 500, nullable: true })
  comment?: string | null;
}
