import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildTinyWorld, type TinyWorld } from '../support/tiny-world.js';

/**
 * The identity policy as a table: who may do what to an enterprise of township A (甲街道).
 *
 * - member / admin / coordinator: MEMBER / ADMIN / COORDINATOR of that enterprise
 * - regionAdmin: REGION_ADMIN of township A; otherRegionAdmin: REGION_ADMIN of township B
 * - gridWorker: GRID_WORKER of the grid in township A where the people live
 * - resident: an account with no role, living in that grid
 *
 * Person rows are about "subject", a MEMBER of the enterprise living in that grid.
 */
const ACTORS = [
  'signedOut',
  'resident',
  'member',
  'admin',
  'coordinator',
  'regionAdmin',
  'otherRegionAdmin',
  'gridWorker',
  'platformAdmin',
] as const;
type Actor = (typeof ACTORS)[number];

const ALLOWED = 'ALLOWED';
const FORBIDDEN = 'FORBIDDEN';
const UNAUTH = 'UNAUTHENTICATED';
const VISIBLE = 'VISIBLE';
const HIDDEN = 'HIDDEN';
const MASKED = 'MASKED';
const CLEAR = 'UNMASKED';
const YES = 'YES';
const NO = 'NO';
type Outcome =
  | typeof ALLOWED
  | typeof FORBIDDEN
  | typeof UNAUTH
  | typeof VISIBLE
  | typeof HIDDEN
  | typeof MASKED
  | typeof CLEAR
  | typeof YES
  | typeof NO;

// prettier-ignore
const POLICY = {
  //                                    signedOut resident   member     admin      coordinator regionAdmin otherRegAdm gridWorker platformAdmin
  'organisation(id)':                  [VISIBLE,  VISIBLE,   VISIBLE,   VISIBLE,   VISIBLE,    VISIBLE,    VISIBLE,    VISIBLE,   VISIBLE],
  'organisations':                     [VISIBLE,  VISIBLE,   VISIBLE,   VISIBLE,   VISIBLE,    VISIBLE,    VISIBLE,    VISIBLE,   VISIBLE],
  'Organisation.members':              [HIDDEN,   HIDDEN,    VISIBLE,   VISIBLE,   VISIBLE,    VISIBLE,    HIDDEN,     HIDDEN,    VISIBLE],
  'Organisation.viewerCanActFor':      [NO,       NO,        YES,       YES,       YES,        NO,         NO,         NO,        NO],
  'Region.viewerCanAdminister':        [NO,       NO,        NO,        NO,        NO,         YES,        NO,         NO,        YES],
  'Viewer.canVerifyOrganisations':     [NO,       NO,        NO,        NO,        NO,         YES,        YES,        NO,        YES],
  'person(id)':                        [HIDDEN,   VISIBLE,   VISIBLE,   VISIBLE,   VISIBLE,    VISIBLE,    VISIBLE,    VISIBLE,   VISIBLE],
  'Person.phone':                      [HIDDEN,   MASKED,    MASKED,    CLEAR,     MASKED,     CLEAR,      MASKED,     CLEAR,     CLEAR],
  'people':                            [UNAUTH,   FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,  ALLOWED,    ALLOWED,    ALLOWED,   ALLOWED],
  'organisationCreate':                [UNAUTH,   ALLOWED,   ALLOWED,   ALLOWED,   ALLOWED,    ALLOWED,    ALLOWED,    ALLOWED,   ALLOWED],
  'organisationUpdate':                [UNAUTH,   FORBIDDEN, FORBIDDEN, ALLOWED,   FORBIDDEN,  ALLOWED,    FORBIDDEN,  FORBIDDEN, ALLOWED],
  'organisationVerify':                [UNAUTH,   FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,  ALLOWED,    FORBIDDEN,  FORBIDDEN, ALLOWED],
  'membershipAdd':                     [UNAUTH,   FORBIDDEN, FORBIDDEN, ALLOWED,   FORBIDDEN,  ALLOWED,    FORBIDDEN,  FORBIDDEN, ALLOWED],
  'membershipUpdate':                  [UNAUTH,   FORBIDDEN, FORBIDDEN, ALLOWED,   FORBIDDEN,  ALLOWED,    FORBIDDEN,  FORBIDDEN, ALLOWED],
  'membershipRemove':                  [UNAUTH,   FORBIDDEN, FORBIDDEN, ALLOWED,   FORBIDDEN,  ALLOWED,    FORBIDDEN,  FORBIDDEN, ALLOWED],
  'personUpdate':                      [UNAUTH,   FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN, ALLOWED],
  'viewerDataExport':                  [UNAUTH,   ALLOWED,   ALLOWED,   ALLOWED,   ALLOWED,    ALLOWED,    ALLOWED,    ALLOWED,   ALLOWED],
  'viewerDelete':                      [UNAUTH,   ALLOWED,   ALLOWED,   ALLOWED,   ALLOWED,    ALLOWED,    ALLOWED,    ALLOWED,   ALLOWED],
} satisfies Record<string, Outcome[]>;
type Operation = keyof typeof POLICY;

let server: TestServer;
let world: TinyWorld;
let created = 0;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  world = await buildTinyWorld(server);
});
afterAll(() => server?.stop());

function clientOf(actor: Actor): GraphQLClient {
  return actor === 'signedOut' ? server.client() : world.people[actor].client;
}

/** The outcome of a mutation: top-level UNAUTHENTICATED, a FORBIDDEN user error, or done. */
async function mutationOutcome(client: GraphQLClient, field: string, query: string, variables: Record<string, unknown>): Promise<Outcome> {
  const response = await client.request<Record<string, { userErrors: { code: string }[] }>>(query, variables);
  if (response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
    return UNAUTH;
  }
  if (response.errors) {
    throw new Error(JSON.stringify(response.errors));
  }
  const codes = response.data![field]!.userErrors.map((error) => error.code);
  if (codes.includes('FORBIDDEN')) {
    return FORBIDDEN;
  }
  expect(codes).toEqual([]);
  return ALLOWED;
}

/** A capability the portal reads must predict the outcome of the mutation it stands for. */
function expectCapability(capability: boolean | undefined, outcome: Outcome): void {
  expect(capability ?? false).toBe(outcome === ALLOWED);
}

const phoneOutcome = (phone: string | null | undefined, clear: string): Outcome =>
  phone === undefined || phone === null ? HIDDEN : phone === clear ? CLEAR : /^\d{3}\*{4}\d{4}$/.test(phone) ? MASKED : (phone as Outcome);

const RUN: Record<Operation, (client: GraphQLClient) => Promise<Outcome>> = {
  'organisation(id)': async (client) => {
    const data = await client.query(`query ($id: ID!) { organisation(id: $id) { id name } }`, { id: world.organisation.id });
    return data.organisation ? VISIBLE : HIDDEN;
  },
  organisations: async (client) => {
    const data = await client.query(`query ($region: ID!) { organisations(first: 100, filter: { regionId: $region }) { nodes { id } } }`, {
      region: world.regions.townshipA.id,
    });
    return data.organisations.nodes.some((node: { id: string }) => node.id === world.organisation.id) ? VISIBLE : HIDDEN;
  },
  'Organisation.members': async (client) => {
    const data = await client.query(`query ($id: ID!) { organisation(id: $id) { members { totalCount } } }`, { id: world.organisation.id });
    return data.organisation.members ? VISIBLE : HIDDEN;
  },
  'Organisation.viewerCanActFor': async (client) => {
    const data = await client.query(`query ($id: ID!) { organisation(id: $id) { viewerCanActFor } }`, { id: world.organisation.id });
    return data.organisation.viewerCanActFor ? YES : NO;
  },
  'Region.viewerCanAdminister': async (client) => {
    const data = await client.query(`query ($id: ID!) { region(id: $id) { viewerCanAdminister } }`, { id: world.regions.villageA.id });
    return data.region.viewerCanAdminister ? YES : NO;
  },
  'Viewer.canVerifyOrganisations': async (client) => {
    const data = await client.query(`{ viewer { canVerifyOrganisations } }`);
    return data.viewer?.canVerifyOrganisations ? YES : NO;
  },
  'person(id)': async (client) => {
    const data = await client.query(`query ($id: ID!) { person(id: $id) { id name } }`, { id: world.people.subject.id });
    return data.person ? VISIBLE : HIDDEN;
  },
  'Person.phone': async (client) => {
    const data = await client.query(`query ($id: ID!) { person(id: $id) { phone } node(id: $id) { ... on Person { phone } } }`, {
      id: world.people.subject.id,
    });
    // node(id:) is no side door: it answers exactly what person(id:) answers.
    expect(data.node?.phone).toBe(data.person?.phone);
    return phoneOutcome(data.person?.phone, world.people.subject.phone);
  },
  people: async (client) => {
    const response = await client.request(`{ people(first: 100) { nodes { id } } }`);
    const code = response.errors?.[0]?.extensions?.code;
    return code === 'UNAUTHENTICATED'
      ? UNAUTH
      : code === 'FORBIDDEN'
        ? FORBIDDEN
        : response.errors
          ? (JSON.stringify(response.errors) as Outcome)
          : ALLOWED;
  },
  organisationCreate: async (client) => {
    created += 1;
    return mutationOutcome(
      client,
      'organisationCreate',
      `mutation ($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id } userErrors { code } } }`,
      { input: { name: `矩阵新组织${created}`, kind: 'SOCIAL_ORGANISATION', regionId: world.regions.villageA.id } },
    );
  },
  organisationUpdate: async (client) => {
    const organisation = await world.createOrganisation();
    const capability = await client.query(`query ($id: ID!) { organisation(id: $id) { viewerCanUpdate } }`, { id: organisation.id });
    const outcome = await mutationOutcome(
      client,
      'organisationUpdate',
      `mutation ($id: ID!) { organisationUpdate(id: $id, input: { description: "矩阵" }) { organisation { id } userErrors { code } } }`,
      { id: organisation.id },
    );
    expectCapability(capability.organisation.viewerCanUpdate, outcome);
    return outcome;
  },
  organisationVerify: async (client) => {
    const organisation = await world.createOrganisation();
    const capability = await client.query(`query ($id: ID!) { organisation(id: $id) { viewerCanVerify } }`, { id: organisation.id });
    const outcome = await mutationOutcome(
      client,
      'organisationVerify',
      `mutation ($id: ID!) { organisationVerify(id: $id, input: { decision: VERIFY }) { organisation { id } userErrors { code } } }`,
      { id: organisation.id },
    );
    expectCapability(capability.organisation.viewerCanVerify, outcome);
    return outcome;
  },
  membershipAdd: async (client) => {
    const organisation = await world.createOrganisation();
    const capability = await client.query(`query ($id: ID!) { organisation(id: $id) { viewerCanManageMembers } }`, { id: organisation.id });
    const outcome = await mutationOutcome(
      client,
      'membershipAdd',
      `mutation ($input: MembershipAddInput!) { membershipAdd(input: $input) { membership { id } userErrors { code } } }`,
      { input: { organisationId: organisation.id, identifier: world.people.newcomer.phone, role: 'MEMBER' } },
    );
    expectCapability(capability.organisation.viewerCanManageMembers, outcome);
    return outcome;
  },
  membershipUpdate: async (client) => {
    const organisation = await world.createOrganisation();
    return mutationOutcome(
      client,
      'membershipUpdate',
      `mutation ($id: ID!) { membershipUpdate(id: $id, input: { role: COORDINATOR }) { membership { id } userErrors { code } } }`,
      { id: organisation.memberships.subject.id },
    );
  },
  membershipRemove: async (client) => {
    const organisation = await world.createOrganisation();
    return mutationOutcome(
      client,
      'membershipRemove',
      `mutation ($id: ID!) { membershipRemove(id: $id) { membership { id } userErrors { code } } }`,
      {
        id: organisation.memberships.subject.id,
      },
    );
  },
  personUpdate: async (client) => {
    const capability = await client.query(`query ($id: ID!) { person(id: $id) { viewerCanUpdate } }`, { id: world.people.subject.id });
    const outcome = await mutationOutcome(
      client,
      'personUpdate',
      `mutation ($id: ID!) { personUpdate(id: $id, input: { skills: ["矩阵测试"] }) { person { id } userErrors { code } } }`,
      { id: world.people.subject.id },
    );
    expectCapability(capability.person?.viewerCanUpdate, outcome);
    return outcome;
  },
  viewerDataExport: async (client) =>
    mutationOutcome(client, 'viewerDataExport', `mutation { viewerDataExport { fileName json userErrors { code } } }`, {}),
  viewerDelete: async (client) => {
    // Open to every signed-in person: the password decides, so a wrong one reaching INVALID_CREDENTIALS counts as allowed.
    const response = await client.request<{ viewerDelete: { deleted: boolean; userErrors: { code: string }[] } }>(
      `mutation { viewerDelete(input: { password: "not-the-password" }) { deleted userErrors { code } } }`,
    );
    if (response.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
      return UNAUTH;
    }
    expect(response.data?.viewerDelete).toEqual({ deleted: false, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    return ALLOWED;
  },
};

const CASES = Object.entries(POLICY).flatMap(([operation, outcomes]) =>
  ACTORS.map((actor, column) => ({ operation: operation as Operation, actor, expected: outcomes[column]! })),
);

describe('identity policy', () => {
  it.each(CASES)('$operation by $actor: $expected', async ({ operation, actor, expected }) => {
    expect(await RUN[operation](clientOf(actor))).toBe(expected);
  });
});
