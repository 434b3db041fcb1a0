import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'An object with a global id, fetchable with `node(id:)`',
  // Every Node is an entity instance; its class name is its GraphQL type name.
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global identifier of the object' })
  id!: string;
}
