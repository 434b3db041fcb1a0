import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, demoIds, expectOk, mutate, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let ids: DemoIds;
let gridWorker: GraphQLClient;

/** Everything a ticket list shows, nested: grid and its parent, organisations, people, timeline, capabilities. */
const LIST = `query ($first: Int!, $f: DemandFilter) {
  demands(first: $first, filter: $f) {
    totalCount
    nodes {
      id status overdue contactName contactPhone contactAddress viewerCanSeePersonalData viewerCanDispatch viewerCanRespond viewerCanRate
      grid { name parent { name } }
      assignedOrganisation { name } ownerOrganisation { name } dispatcher { name } resident { name } submittedBy { name }
      escalatedTo { name } mergedInto { id } convertedNeed { id }
      events { action at actor { name } organisation { name } }
    }
  }
}`;

beforeAll(async () => {
  // No timer: its statements would be counted too.
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  gridWorker = await server.signedIn(ACCOUNTS.gridWorker);
  const [resident, enterprise] = await Promise.all([server.signedIn(ACCOUNTS.resident), server.signedIn(ACCOUNTS.enterprise)]);
  // A few tickets through the API (with real timelines), then 60 more with SQL.
  for (let index = 0; index < 3; index += 1) {
    const ticket = await submit(resident, {});
    await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
    await expectOk(mutate(enterprise, 'demandAccept', { id: ticket.id }));
  }
  await server.sql(
    `insert into demand_ticket (id, created_at, updated_at, resident_id, submitted_by_id, channel, grid_id, category, description,
       contact_name, contact_phone, contact_preference, evidence_urls, resolution_evidence_urls, status, round, response_due_at,
       resolution_due_at, assigned_organisation_id, owner_organisation_id, dispatcher_id)
     select gen_random_uuid(), now() - make_interval(mins => n), now(), ?, ?, 'ONLINE', ?, 'OTHER', '批量', '测试', '13800000009', 'PHONE_CALL',
            '{}', '{}', 'ACCEPTED', 1, now() + interval '1 day', now() + interval '7 days', ?, ?, ?
       from generate_series(1, 60) as n`,
    [
      ids.personUuids.resident,
      ids.personUuids.resident,
      uuidIn(ids.grid),
      uuidIn(ids.enterprise),
      uuidIn(ids.enterprise),
      ids.personUuids.gridWorker,
    ],
  );
  await server.sql(
    `insert into demand_event (id, created_at, ticket_id, actor_id, organisation_id, action, status, round, evidence_urls)
     select gen_random_uuid(), t.created_at, t.id, ?, t.owner_organisation_id, 'ACCEPTED', 'ACCEPTED', 1, '{}' from demand_ticket t`,
    [ids.personUuids.enterprise],
  );
});
afterAll(() => server?.stop());

async function statementsFor(first: number): Promise<number> {
  const client = await server.signedIn(ACCOUNTS.gridWorker);
  server.statements.reset();
  const data = await client.query(LIST, { first, f: { regionId: ids.grid } });
  expect(data.demands.nodes).toHaveLength(first);
  return server.statements.count;
}

describe('demands', () => {
  it('costs the same number of SQL statements for 5 tickets as for 50, nested fields included', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty).toBe(five);
    expect(five).toBeLessThan(25);
  });
});
