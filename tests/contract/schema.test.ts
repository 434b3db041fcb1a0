import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSchema, printContract, SCHEMA_FILE } from '@gongzhi/server';

describe('schema/schema.graphql', () => {
  it('is exactly what the server generates (run `pnpm schema:emit` after changing the API)', async () => {
    const generated = printContract(await createSchema({} as never));
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === generated, 'schema/schema.graphql is stale: run `pnpm schema:emit` and commit it').toBe(true);
  });
});
