import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { subscribe } from '../support/subscriptions.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(() => server?.stop());

describe('subscriptions over WebSocket', () => {
  it('are held to the same depth limit as HTTP operations', async () => {
    const client = server.client();
    const nested = `subscription ($id: ID!) { projectActivity(projectId: $id) { project { leadOrganisation { region { ${'children { '.repeat(12)}name${' }'.repeat(12)} } } } } }`;
    const subscription = subscribe(server.url, client, nested, { id: 'UHJvamVjdDowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA' });
    try {
      const result = await subscription.next(5000);
      expect(JSON.stringify(result.errors)).toMatch(/levels deep; the limit is 15/);
    } finally {
      await subscription.close();
    }
  });
});
