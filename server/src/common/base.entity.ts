import type { Opt } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { uuidv7 } from './ids/uuid-v7.js';
import { toGlobalId } from './relay/global-id.js';

/**
 * Every table's primary key is a UUIDv7 (time-ordered, so inserts stay index-friendly and ids do not
 * leak counts). GraphQL sees an opaque global id that also names the type, which `node(id:)` needs.
 */
@ObjectType()
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid', fieldName: 'id' })
  uuid: string & Opt = uuidv7();

  @Field(() => Date, { description: 'When the object was created' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Field(() => ID, { name: 'id', description: 'Opaque global identifier of the object' })
  get id(): string {
    return toGlobalId(this.constructor.name, this.uuid);
  }
}
