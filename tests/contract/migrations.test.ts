import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(() => server?.stop());

describe('committed migrations', () => {
  it('create exactly the schema the entities describe (run migration:create after changing an entity)', async () => {
    const drift = await server.app.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim(), `the entities and the migrations differ:\n${drift}`).toBe('');
  });
});
