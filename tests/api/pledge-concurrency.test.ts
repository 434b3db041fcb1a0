import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { createNeed, createProject, OPS } from '../support/partner-api.js';
import {
  addMember,
  buildPartnerWorld,
  insertOrganisation,
  signUpAccount,
  uuidOfId,
  type PartnerWorld,
  type Ref,
} from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let world: PartnerWorld;
/** Five verified enterprises, each with a signed-in member: five browsers pledging at once. */
let pledgers: { organisation: Ref; client: GraphQLClient }[];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
  pledgers = [];
  for (let index = 1; index <= 5; index += 1) {
    const organisation = await insertOrganisation(server, {
      name: `并发认捐企业${index}`,
      kind: 'ENTERPRISE',
      region: world.regions.townshipA,
    });
    const member = await signUpAccount(server, `认捐员${index}`);
    await addMember(server, member, organisation, 'MEMBER');
    pledgers.push({ organisation, client: member.client });
  }
});
afterAll(() => server?.stop());

/** Fires `count` pledgeCreate requests at once, round-robin over the pledgers, and returns each payload's error codes. */
async function pledgeAtOnce(needId: string, quantity: string, count: number): Promise<string[][]> {
  const requests = Array.from({ length: count }, (_, index) => {
    const { organisation, client } = pledgers[index % pledgers.length]!;
    return client.query(OPS.pledgeCreate, { input: { needId, organisationId: organisation.id, quantity } });
  });
  const results = await Promise.all(requests);
  return results.map((data) => data.pledgeCreate.userErrors.map((error: { code: string }) => error.code));
}

async function ledger(needId: string) {
  const [row] = await server.sql<{ count: number; total: string; within: boolean; entries: number }>(
    `select count(*)::int as count, coalesce(sum(p.quantity), 0)::text as total, coalesce(sum(p.quantity), 0) <= n.quantity as within,
            (select count(*)::int from activity_entry a where a.action = 'pledge.created' and a.subject_uuid in (select id from pledge where need_id = n.id)) as entries
       from need n left join pledge p on p.need_id = n.id and p.status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')
      where n.id = ? group by n.id, n.quantity`,
    [uuidOfId(needId)],
  );
  return row!;
}

describe('pledgeCreate under concurrency', () => {
  it('never takes 50 simultaneous pledges beyond the need', async () => {
    const projectId = await createProject(world);
    // The limit is reached within the first few requests, while all 50 are in flight at once: without
    // the lock on the need, several transactions read the same total and all insert.
    const needId = await createNeed(world, projectId, { quantity: '10.00' });
    const outcomes = await pledgeAtOnce(needId, '3.00', 50);
    const accepted = outcomes.filter((errors) => errors.length === 0).length;
    const refused = outcomes.filter((errors) => errors.length === 1 && errors[0] === 'PLEDGE_EXCEEDS_NEED').length;
    // 3 × 3.00 = 9.00 fits; a fourth would make 12.00.
    expect({ accepted, refused }).toEqual({ accepted: 3, refused: 47 });
    expect(await ledger(needId)).toEqual({ count: 3, total: '9.00', within: true, entries: 3 });
  });

  it('fills a need exactly when 50 simultaneous pledges add up to it', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '5.00' });
    // 50 × 0.10 = 5.00 exactly: no float rounding refuses the last one, none slips past.
    const outcomes = await pledgeAtOnce(needId, '0.10', 50);
    expect(outcomes.every((errors) => errors.length === 0)).toBe(true);
    expect(await ledger(needId)).toEqual({ count: 50, total: '5.00', within: true, entries: 50 });
    const more = await pledgeAtOnce(needId, '0.01', 5);
    expect(more).toEqual(Array.from({ length: 5 }, () => ['PLEDGE_EXCEEDS_NEED']));
    const data = await world.people.anonymous.query(`query ($id: ID!) { node(id: $id) { ... on Need { pledged remaining } } }`, {
      id: needId,
    });
    expect(data.node).toEqual({ pledged: '5.00', remaining: '0.00' });
  });
});
