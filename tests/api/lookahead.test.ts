import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The look-ahead compiler answers whole project pages in one SQL statement. Its answers must be the
 * resolvers' answers, field for field: each query here is asked three ways on the demo district: as is
 * (a direct answer, no graphql-js execution), beside another root field (`viewer`: executed, the page's
 * sub-tree compiled inside its resolver), and with a field the compiler does not know
 * (`viewerCanUpdate`), which sends the whole page through the resolvers.
 */
let server: TestServer;
let secretary: GraphQLClient;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  secretary = await server.signedIn('13800000003');
});
afterAll(() => server?.stop());

const ORGANISATION = `id name kind subtype democraticParty creditCode description contactName contactPhone address
  verificationStatus verifiedAt verificationNote createdAt`;

const PROJECT = `id title summary category status statusReason startDate endDate createdAt __typename
  leadOrganisation { ${ORGANISATION} }
  partners { totalCount nodes { id role status message responseNote respondedAt createdAt organisation { id name kind } project { id title } } }
  needs { totalCount nodes { id kind description quantity unit deadline allowOversubscription closedAt createdAt
    pledged accepted delivered remaining coverage isOpen project { id }
    pledges { totalCount nodes { id quantity note status responseNote respondedAt fulfilledAt createdAt pledger { id name } need { id } project { id } } } } }
  deliverables { totalCount nodes { id title description dueOn status statusReason evidenceUrls submittedAt acceptedAt createdAt
    owners { id name kind } project { id } } }
  progress { needsTotal needsCovered needsCoverage pledgesProposed pledgesAccepted pledgesFulfilled deliverablesTotal deliverablesAccepted
    deliverablesOverdue partnersAccepted }`;

/** The same query through the resolvers: `viewerCanUpdate` has no SQL shape, so nothing is compiled. */
const throughResolvers = (query: string, marker: string) => query.replace(marker, `${marker} viewerCanUpdate`);

/** The same query executed by graphql-js: a second root field with no direct answer. */
const executed = (query: string) => query.replace(/\{/, '{ viewer { isPlatformAdmin } ');

function withoutMarker(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutMarker);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'viewerCanUpdate' && key !== 'viewer')
        .map(([key, inner]) => [key, withoutMarker(inner)]),
    );
  }
  return value;
}

async function both(client: GraphQLClient, query: string, marker: string, variables: Record<string, unknown> = {}) {
  server.statements.reset();
  const compiled = await client.request(query, variables);
  const compiledStatements = server.statements.count;
  const inResolvers = await client.request(executed(query), variables);
  server.statements.reset();
  const resolved = await client.request(throughResolvers(query, marker), variables);
  // Both compiled paths, the direct answer and the one inside the resolvers, give the same answer.
  expect(withoutMarker(inResolvers.data)).toEqual(compiled.data);
  expect(inResolvers.errors).toEqual(compiled.errors);
  return { compiled, resolved, compiledStatements, resolvedStatements: server.statements.count };
}

describe('look-ahead project pages', () => {
  it('answers the whole projects page exactly as the resolvers do, signed out and signed in', async () => {
    const query = `query { projects(first: 100) { totalCount nodes { ${PROJECT} } } }`;
    for (const client of [server.client(), secretary]) {
      const { compiled, resolved, compiledStatements, resolvedStatements } = await both(client, query, 'nodes {');
      expect(compiled.errors).toBeUndefined();
      expect(resolved.errors).toBeUndefined();
      const projects = (compiled.data as { projects: { nodes: { needs: { nodes: unknown[] } }[] } }).projects.nodes;
      // The demo district has enough to compare: many projects, with needs and pledges.
      expect(projects.length).toBeGreaterThan(10);
      expect(projects.some((project) => project.needs.nodes.length > 0)).toBe(true);
      expect(compiled.data).toEqual(withoutMarker(resolved.data));
      // And it is the compiled path: one statement for the page's whole sub-tree instead of one per relation.
      expect(compiledStatements).toBeLessThanOrEqual(resolvedStatements - 6);
    }
  });

  it('keeps aliases, fragments, @include/@skip and nested page sizes', async () => {
    const query = `query ($withNeeds: Boolean!) {
      projects(first: 30) { nodes {
        key: id
        ...Card
        needs(first: 1) @include(if: $withNeeds) { nodes { id left: remaining pledges(first: 2) { totalCount nodes { id } } } }
        ... on Project { lead: leadOrganisation { id label: name } }
        progress @skip(if: true) { needsTotal }
      } } }
      fragment Card on Project { title status deliverables { nodes { owners { name } } } }`;
    for (const withNeeds of [true, false]) {
      const { compiled, resolved } = await both(secretary, query, 'key: id', { withNeeds });
      expect(compiled.errors).toBeUndefined();
      expect(compiled.data).toEqual(withoutMarker(resolved.data));
    }
  });

  it('lists with filters, order, counts and cursors as the resolvers do, page after page', async () => {
    const query = `query ($after: String) {
      projects(first: 4, after: $after, filter: { status: ACTIVE }, orderBy: { field: TITLE, direction: ASC }) {
        __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id title status }
      } }`;
    let after: string | null = null;
    let pages = 0;
    do {
      const { compiled, resolved } = await both(server.client(), query, 'nodes { id', { after });
      expect(compiled.errors).toBeUndefined();
      expect(compiled.data).toEqual(withoutMarker(resolved.data));
      type Page = { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      const connection = (compiled.data as { projects: Page }).projects;
      expect(connection.nodes.length).toBeGreaterThan(0);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 5);
    expect(pages).toBeGreaterThan(1);
  });

  it('answers one project and an organisation’s pledges the same way', async () => {
    const list = await secretary.request<{ projects: { nodes: { id: string; leadOrganisation: { id: string } }[] } }>(
      `{ projects(first: 5, filter: { status: ACTIVE }) { nodes { id leadOrganisation { id } } } }`,
    );
    const project = list.data!.projects.nodes[0]!;
    const one = await both(secretary, `query ($id: ID!) { project(id: $id) { ${PROJECT} } }`, 'project(id: $id) {', { id: project.id });
    expect(one.compiled.errors).toBeUndefined();
    expect((one.compiled.data as { project: { id: string } }).project.id).toBe(project.id);
    expect(one.compiled.data).toEqual(withoutMarker(one.resolved.data));

    const pledgesQuery = `query ($id: ID!) { organisation(id: $id) { id pledges(first: 50) { totalCount nodes {
      id quantity status pledger { id name } need { id kind quantity remaining project { id title leadOrganisation { id name } } } } } } }`;
    const organisations = await server.sql<{ id: string }>(
      `select organisation_id as id from pledge group by organisation_id order by count(*) desc limit 1`,
    );
    const organisationId = Buffer.from(`Organisation:${organisations[0]!.id}`).toString('base64url');
    const pledges = await both(secretary, pledgesQuery, 'nodes {\n      id', { id: organisationId });
    expect(pledges.compiled.errors).toBeUndefined();
    const nodes = (pledges.compiled.data as { organisation: { pledges: { nodes: unknown[] } } }).organisation.pledges.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(pledges.compiled.data).toEqual(withoutMarker(pledges.resolved.data));
  });

  it('answers the same with PG_PREPARED_STATEMENTS=false (unnamed statements, for poolers)', async () => {
    const query = `query { projects(first: 20) { nodes { ${PROJECT} } } }`;
    const unprepared = await startTestServer({ demo: true, env: { PG_PREPARED_STATEMENTS: 'false' } });
    try {
      const expected = await server.client().request(query);
      const answer = await unprepared.client().request(query);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(expected.data);
    } finally {
      await unprepared.stop();
    }
  });

  it('gives the resolvers’ error for a page size out of bounds, and leaves cursors to the resolvers', async () => {
    const tooMany = `{ projects(first: 3) { nodes { id needs(first: 500) { nodes { id } } } } }`;
    const compiled = await server.client().request(tooMany);
    const resolved = await server.client().request(throughResolvers(tooMany, 'nodes { id'));
    expect(compiled.errors?.[0]).toMatchObject({ message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT' } });
    expect(compiled.errors?.[0]?.message).toBe(resolved.errors?.[0]?.message);
    // Reported where the resolvers report it (the nested field), whichever path the page took.
    const executedAnswer = await server.client().request(executed(tooMany));
    expect(executedAnswer.errors?.[0]?.path).toEqual(resolved.errors?.[0]?.path);
    expect(compiled.errors?.[0]?.path).toEqual(resolved.errors?.[0]?.path);

    for (const after of ['not-a-cursor', Buffer.from('["x"]').toString('base64url')]) {
      const badCursor = await server
        .client()
        .request(`query ($after: String) { projects(first: 3, after: $after) { nodes { id } } }`, { after });
      expect(badCursor.errors?.[0]).toMatchObject({
        message: 'after is not a valid cursor of this list',
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
    }

    // The page's own edges and pageInfo come from the keyset page; nested cursors send the page to the resolvers.
    for (const nested of ['totalCount', 'pageInfo { hasNextPage endCursor }']) {
      const withCursors = `{ projects(first: 3) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } nodes { id needs { ${nested} nodes { id } } } } }`;
      const { compiled: paged, resolved: pagedResolved } = await both(server.client(), withCursors, 'nodes { id');
      expect(paged.errors).toBeUndefined();
      expect(paged.data).toEqual(withoutMarker(pagedResolved.data));
    }
  });
});
