import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { servePrecompiled } from '../common/lookahead/serve-precompiled.js';
import { DateTimeScalar } from '../common/scalars/index.js';
import type { PubSub } from '../common/pubsub/pg-pubsub.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers.js';
// Every entity type registers itself with type-graphql on import; importing them all keeps the schema
// the same whichever entry point built it.
import '../db/entities.js';
import './lookahead.js';

/** `@Authorized()` means "signed in"; finer rules live in the policy module and the services. */
const authChecker: AuthChecker<Context> = ({ context }) => !!context.auth;

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');

export async function createSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    pubSub,
    authChecker,
    authMode: 'error',
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return servePrecompiled(schema);
}

/** The contract as committed in schema/schema.graphql: printed sorted, so diffs show real changes only. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
