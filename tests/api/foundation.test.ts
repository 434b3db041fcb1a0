import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(() => server?.stop());

async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

describe('health', () => {
  it('answers /healthz and /readyz when the database is migrated', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});

describe('POST /graphql', () => {
  it('answers { __typename }', async () => {
    expect((await post('{"query":"{ __typename }"}')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('rejects an unknown field with GRAPHQL_VALIDATION_FAILED and no suggestion of real fields', async () => {
    const { body } = await post(JSON.stringify({ query: '{ viewr { person { name } } }' }));
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('rejects malformed GraphQL with GRAPHQL_PARSE_FAILED', async () => {
    const { body } = await post(JSON.stringify({ query: '{ regions { ' }));
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('rejects a body that is not JSON with BAD_REQUEST and keeps serving', async () => {
    const { status, body } = await post('{"query": ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect((await post('{"query":"{ __typename }"}')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('rejects an oversized body with PAYLOAD_TOO_LARGE', async () => {
    const { status, body } = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }));
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses batched requests', async () => {
    const { status } = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(status).toBe(400);
  });

  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('refuses a query deeper than the limit with QUERY_TOO_DEEP', async () => {
    const deep = `{ regions { nodes { ${'children { '.repeat(15)}name${' }'.repeat(15)} } } }`;
    const { body } = await post(JSON.stringify({ query: deep }));
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses more aliases than the limit with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, index) => `a${index}: __typename`).join(' ');
    const { body } = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  });

  it('refuses a query that could return too many objects with QUERY_TOO_COSTLY', async () => {
    // 100 regions × 20 children × 20 grandchildren × 20 = 800,000 objects
    const huge = '{ regions(first: 100) { nodes { children { children { children { id } } } } } }';
    const { body } = await post(JSON.stringify({ query: huge }));
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const page = '{ regions(first: 100) { nodes { name children { name } ancestors { name } } } }';
    expect((await post(JSON.stringify({ query: page }))).body).not.toHaveProperty('errors');
  });

  it('refuses a page larger than 100 with a clear error', async () => {
    const { body } = await post(JSON.stringify({ query: '{ regions(first: 101) { totalCount } }' }));
    expect(body.errors?.[0]).toMatchObject({ message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('returns null from node(id:) for an id that names nothing', async () => {
    const { body } = await post(
      JSON.stringify({
        query: '{ a: node(id: "garbage") { id } b: node(id: "UmVnaW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA") { id } }',
      }),
    );
    expect(body).toEqual({ data: { a: null, b: null } });
  });
});

describe('database connections', () => {
  it('run with the configured statement timeout, so a runaway query is cut off', async () => {
    expect(await server.sql('show statement_timeout')).toEqual([{ statement_timeout: '10s' }]);
  });
});

describe('GraphQL IDE', () => {
  it('serves the IDE and its assets from the server itself (no CDN)', async () => {
    const page = await (await fetch(`${server.url}/graphiql`)).text();
    expect(page).toContain('/graphiql/static/');
    expect(page).not.toMatch(/https?:\/\/(unpkg|cdn|jsdelivr)/);
    const script = /href="(\/graphiql\/static\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);
  });
});
