import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Node } from '../common/relay/node.js';
import { Person } from '../people/person.entity.js';

/** A personal API token for integrations (`Authorization: Bearer gz_…`); the secret is shown once. */
@ObjectType({ implements: Node, description: 'A personal API token; its secret is only shown when created' })
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseEntity {
  @Field(() => String, { description: 'Name given to the token, e.g. the integration using it' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Index()
  @ManyToOne({ entity: () => Person, deleteRule: 'cascade' })
  person!: Rel<Person>;

  @Field(() => Date, { nullable: true, description: 'When the token was last used' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; a revoked token signs nothing in' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
