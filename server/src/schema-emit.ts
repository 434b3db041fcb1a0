/** Writes schema/schema.graphql from the resolvers: the committed contract of the API. */
import 'reflect-metadata';
import fs from 'node:fs';
import { createSchema, printContract, SCHEMA_FILE } from './app/schema.js';
import type { PubSub } from './common/pubsub/pg-pubsub.js';

// Building the schema needs no live pub/sub: nothing is subscribed while printing.
const schema = await createSchema({} as PubSub);
fs.writeFileSync(SCHEMA_FILE, printContract(schema));
console.log(`Wrote ${SCHEMA_FILE}`);
