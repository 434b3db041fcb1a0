import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { Region } from '../regions/region.entity.js';

/**
 * A volunteer activity (志愿服务活动) an accepted partner of a project organises for it, with shifts
 * volunteers sign up to. When linked to one of the project's VOLUNTEER_HOURS needs, the hours credited
 * for its shifts count as delivered towards that need.
 */
@ObjectType({ implements: Node, description: 'A volunteer activity (志愿服务活动) organised for a partner project' })
@Entity({ tableName: 'volunteer_activity' })
export class VolunteerActivity extends BaseEntity {
  @Index()
  @ManyToOne({ entity: () => Project })
  project!: Rel<Project>;

  /** The organising organisation: the project's lead or one of its accepted partners. */
  @Index()
  @ManyToOne({ entity: () => Organisation })
  organisation!: Rel<Organisation>;

  /** The project's VOLUNTEER_HOURS need the activity's hours are delivered against, if any. */
  @Index()
  @ManyToOne({ entity: () => Need, nullable: true })
  need?: Rel<Need> | null;

  @Field(() => String, { description: 'Title of the activity' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field(() => String, { description: 'What volunteers will do, and for whom' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { description: 'Where volunteers meet, e.g. 玉湖社区党群服务中心' })
  @Property({ type: 'string', length: 200 })
  place!: string;

  @Index()
  @ManyToOne({ entity: () => Region })
  region!: Rel<Region>;

  @ManyToOne({ entity: () => Person, nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<Person> | null;

  @Field(() => Date, { description: 'When the activity was last changed' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
