import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { createNeed, createProject, OPS } from '../support/partner-api.js';
import { addMember, buildPartnerWorld, insertOrganisation, signUpAccount, type PartnerWorld, type Ref } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Two server processes on one database, as `pnpm start:cluster --workers 2` runs them. Live events
// crossing processes are proven in project-activity.test.ts ("delivers an entry caused on another
// server process"); this file covers sessions and the over-pledge rule.
let a: TestServer;
let b: TestServer;
let world: PartnerWorld;
let pledgers: { organisation: Ref; client: GraphQLClient }[];

/** The same browser (its session cookie) talking to the other server. */
async function onServer(server: TestServer, client: GraphQLClient, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.signedInCookie ?? '' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors) {
    throw new Error(JSON.stringify(body.errors));
  }
  return body.data;
}

beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ databaseUrl: a.databaseUrl });
  world = await buildPartnerWorld(a);
  pledgers = [];
  for (let index = 1; index <= 4; index += 1) {
    const organisation = await insertOrganisation(a, { name: `扩展认捐企业${index}`, kind: 'ENTERPRISE', region: world.regions.townshipA });
    const member = await signUpAccount(a, `扩展认捐员${index}`);
    await addMember(a, member, organisation, 'MEMBER');
    pledgers.push({ organisation, client: member.client });
  }
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe('two server processes on one database', () => {
  it('accept a session signed in on one at the other', async () => {
    const client = await a.signedIn('13800000003');
    const onA = await client.query('{ viewer { person { id } } }');
    const onB = await onServer(b, client, '{ viewer { person { id } } }');
    expect(onA.viewer.person.id).toBeTruthy();
    expect(onB.viewer?.person.id).toBe(onA.viewer.person.id);
    // Signing out on B ends the session on A as well (it lives in the database, not in a process).
    await onServer(b, client, 'mutation { signOut { userErrors { code } } }').catch(() => undefined);
    const after = await a.client().query('{ viewer { person { id } } }');
    expect(after.viewer).toBeNull();
  });

  it('never take a need beyond its quantity when 40 simultaneous pledges are spread over both', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '10.00' });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const { organisation, client } = pledgers[index % pledgers.length]!;
        const variables = { input: { needId, organisationId: organisation.id, quantity: '3.00' } };
        const data =
          index % 2 === 0 ? await client.query(OPS.pledgeCreate, variables) : await onServer(b, client, OPS.pledgeCreate, variables);
        return data.pledgeCreate.userErrors.map((error: { code: string }) => error.code) as string[];
      }),
    );
    const accepted = outcomes.filter((codes) => codes.length === 0).length;
    const refused = outcomes.filter((codes) => codes.length === 1 && codes[0] === 'PLEDGE_EXCEEDS_NEED').length;
    expect({ accepted, refused }).toEqual({ accepted: 3, refused: 37 });
    const [row] = await a.sql<{ total: string }>(
      `select coalesce(sum(quantity), 0)::text as total from pledge where need_id = (select id from need order by created_at desc limit 1)
          and status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')`,
    );
    expect(row!.total).toBe('9.00');
  });
});
