import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { closeUnratedDemands, escalateOverdueDemands } from '@gongzhi/server/src/demands/demand-sweeps.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, DAY, demoIds, expectOk, HOUR, mutate, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let ids: DemoIds;
let resident: GraphQLClient;
let gridWorker: GraphQLClient;
let enterprise: GraphQLClient;
let regionAdmin: GraphQLClient;

const TICKET = `id status overdue dueAt responseDueAt resolutionDueAt resolvedAt closedAt escalatedAt escalatedTo { id } events { action status }`;

beforeAll(async () => {
  // The timer is off here: these tests call the sweeps with injected time, or rely on reads applying them.
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  [resident, gridWorker, enterprise, regionAdmin] = await Promise.all(
    [ACCOUNTS.resident, ACCOUNTS.gridWorker, ACCOUNTS.enterprise, ACCOUNTS.regionAdmin].map((phone) => server.signedIn(phone)),
  );
  // 玉湖社区 has no administrator of its own here: escalations go to the street (玉兴街道).
  await server.sql(`delete from region_role where role = 'REGION_ADMIN' and region_id = ?`, [uuidIn(ids.community)]);
});
afterAll(() => server?.stop());
// Each test starts at the same moment (sessions would expire if the clock only ever moved forward).
beforeEach(() => server.clock.set('2026-11-21T02:00:00.000Z'));

const em = () => server.app.orm.em.fork();

async function read(client: GraphQLClient, id: string): Promise<Record<string, any>> {
  return (await client.query(`query ($id: ID!) { demand(id: $id) { ${TICKET} } }`, { id })).demand;
}

async function resolvedTicket(): Promise<Record<string, any>> {
  const ticket = await submit(resident, {});
  await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
  await expectOk(mutate(enterprise, 'demandAccept', { id: ticket.id }));
  return expectOk(mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '已处理' } }));
}

describe('deadlines', () => {
  it('come from the category’s time limits at submission, and later changes of the limits leave them alone', async () => {
    const before = await submit(resident, { category: 'SAFETY' });
    await server.sql(`update demand_category_policy set response_hours = 2, resolution_hours = 48 where category = 'SAFETY'`);
    try {
      const now = server.clock.now().getTime();
      const after = await submit(resident, { category: 'SAFETY', description: '小区围墙有倒塌危险' });
      expect(new Date(after.responseDueAt).getTime()).toBe(now + 2 * HOUR);
      expect(new Date(after.resolutionDueAt).getTime()).toBe(now + 48 * HOUR);
      expect((await read(resident, before.id)).responseDueAt).toBe(before.responseDueAt);
      const { demandCategoryPolicies } = await resident.query('{ demandCategoryPolicies { category responseHours resolutionHours } }');
      expect(demandCategoryPolicies).toHaveLength(11);
      expect(demandCategoryPolicies).toContainEqual({ category: 'SAFETY', responseHours: 2, resolutionHours: 48 });
      expect(demandCategoryPolicies).toContainEqual({ category: 'OTHER', responseHours: 24, resolutionHours: 168 });
    } finally {
      await server.sql(`update demand_category_policy set response_hours = 24, resolution_hours = 168 where category = 'SAFETY'`);
    }
  });

  it('flag a ticket overdue once its response deadline has passed, and the overdue filter finds it', async () => {
    const ticket = await submit(resident, {});
    server.clock.advance(24 * HOUR - 1000);
    expect((await read(resident, ticket.id)).overdue).toBe(false);
    server.clock.advance(2000);
    expect((await read(resident, ticket.id)).overdue).toBe(true);
    const list = async (overdue: boolean) =>
      (
        await gridWorker.query('query ($f: DemandFilter) { demands(first: 100, filter: $f) { nodes { id } } }', {
          f: { regionId: ids.grid, overdue },
        })
      ).demands.nodes.map((node: { id: string }) => node.id);
    expect(await list(true)).toContain(ticket.id);
    expect(await list(false)).not.toContain(ticket.id);
  });

  it('measure an accepted ticket against its resolution deadline, and a resolved one against none', async () => {
    const ticket = await submit(resident, {});
    await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
    server.clock.advance(10 * HOUR);
    await expectOk(mutate(enterprise, 'demandAccept', { id: ticket.id }));
    server.clock.advance(20 * HOUR);
    const accepted = await read(resident, ticket.id);
    expect(accepted).toMatchObject({ overdue: false, dueAt: accepted.resolutionDueAt });
    server.clock.set(new Date(new Date(accepted.resolutionDueAt).getTime() + 1000).toISOString());
    expect((await read(resident, ticket.id)).overdue).toBe(true);
    await expectOk(mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '已处理' } }));
    expect(await read(resident, ticket.id)).toMatchObject({ overdue: false, dueAt: null });
  });
});

describe('escalateOverdueDemands', () => {
  it('escalates an overdue ticket to the administrators of the level above, once, with a timeline event', async () => {
    const ticket = await submit(resident, {});
    expect(await escalateOverdueDemands(em(), server.clock.now())).not.toContain(uuidIn(ticket.id));
    server.clock.advance(25 * HOUR);
    expect(await escalateOverdueDemands(em(), server.clock.now())).toContain(uuidIn(ticket.id));
    expect(await escalateOverdueDemands(em(), server.clock.now())).not.toContain(uuidIn(ticket.id));
    const escalated = await read(regionAdmin, ticket.id);
    expect(escalated).toMatchObject({ status: 'SUBMITTED', escalatedAt: ticket.responseDueAt, escalatedTo: { id: ids.township } });
    expect(escalated.events.filter((event: { action: string }) => event.action === 'ESCALATED')).toHaveLength(1);
    const [entry] = await server.sql<{ actor_id: string | null }>(
      `select actor_id from activity_entry where subject_uuid = ? and action = 'demand.escalated'`,
      [uuidIn(ticket.id)],
    );
    expect(entry).toEqual({ actor_id: null });
  });

  it('escalates to the community when it has an administrator of its own', async () => {
    const [person] = await server.sql<{ id: string }>(
      `insert into person (id, created_at, name, tags, skills) values (gen_random_uuid(), now(), '社区书记', '{}', '{}') returning id`,
    );
    await server.sql(
      `insert into region_role (id, created_at, person_id, role, region_id) values (gen_random_uuid(), now(), ?, 'REGION_ADMIN', ?)`,
      [person!.id, uuidIn(ids.community)],
    );
    try {
      const ticket = await submit(resident, {});
      server.clock.advance(25 * HOUR);
      await escalateOverdueDemands(em(), server.clock.now(), { ticketUuids: [uuidIn(ticket.id)] });
      expect((await read(regionAdmin, ticket.id)).escalatedTo).toEqual({ id: ids.community });
    } finally {
      await server.sql(`delete from region_role where person_id = ?`, [person!.id]);
    }
  });

  it('is applied when a ticket is read, and the admin above finds escalated tickets with the escalated filter', async () => {
    const ticket = await submit(resident, {});
    server.clock.advance(25 * HOUR);
    expect((await read(resident, ticket.id)).escalatedAt).toBe(ticket.responseDueAt);
    const data = await regionAdmin.query(
      'query ($f: DemandFilter) { demands(first: 100, filter: $f) { nodes { id escalatedTo { id } } } }',
      {
        f: { regionId: ids.township, escalated: true },
      },
    );
    expect(data.demands.nodes).toContainEqual({ id: ticket.id, escalatedTo: { id: ids.township } });
  });

  it('leaves resolved tickets alone', async () => {
    const ticket = await resolvedTicket();
    server.clock.advance(8 * DAY);
    expect(await escalateOverdueDemands(em(), server.clock.now())).not.toContain(uuidIn(ticket.id));
  });
});

describe('closeUnratedDemands', () => {
  it('closes a resolved ticket the resident has not rated within 7 days, at the end of the window', async () => {
    const ticket = await resolvedTicket();
    server.clock.advance(7 * DAY - 60_000);
    expect(await closeUnratedDemands(em(), server.clock.now())).not.toContain(uuidIn(ticket.id));
    server.clock.advance(2 * 60_000);
    expect(await closeUnratedDemands(em(), server.clock.now())).toContain(uuidIn(ticket.id));
    const closed = await read(resident, ticket.id);
    expect(closed).toMatchObject({ status: 'CLOSED_UNRATED', dueAt: null });
    expect(new Date(closed.closedAt).getTime()).toBe(new Date(ticket.resolvedAt).getTime() + 7 * DAY);
    expect(closed.events.at(-1)).toEqual({ action: 'CLOSED_UNRATED', status: 'CLOSED_UNRATED' });
    const rate = await mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED' } });
    expect(rate.userErrors.map((error) => error.code)).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it('is applied when tickets are read, in a list as well', async () => {
    const ticket = await resolvedTicket();
    server.clock.advance(8 * DAY);
    const data = await resident.query('query ($f: DemandFilter) { demands(first: 100, filter: $f) { nodes { id status } } }', {
      f: { mine: true },
    });
    expect(data.demands.nodes).toContainEqual({ id: ticket.id, status: 'CLOSED_UNRATED' });
  });

  it('lets the resident rate until the window closes', async () => {
    const ticket = await resolvedTicket();
    server.clock.advance(7 * DAY - 1000);
    const rated = await expectOk(mutate(resident, 'demandRate', { id: ticket.id, input: { rating: 'SATISFIED' } }));
    expect(rated.status).toBe('RATED');
  });

  it('runs on the server’s timer too, without anyone reading', async () => {
    const ticket = await resolvedTicket();
    const second = await startTestServer({ databaseUrl: server.databaseUrl, env: { DEMAND_SWEEP_INTERVAL_MS: '100' } });
    try {
      second.clock.set(new Date(server.clock.now().getTime() + 8 * DAY).toISOString());
      let status = '';
      for (let attempt = 0; attempt < 100 && status !== 'CLOSED_UNRATED'; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        [{ status }] = await server.sql<{ status: string }>('select status from demand_ticket where id = ?', [uuidIn(ticket.id)]);
      }
      expect(status).toBe('CLOSED_UNRATED');
    } finally {
      await second.stop();
    }
  });
});

describe('node', () => {
  it('applies the sweeps when a ticket is fetched by global id', async () => {
    const ticket = await resolvedTicket();
    server.clock.advance(8 * DAY);
    const data = await resident.query('query ($id: ID!) { node(id: $id) { ... on DemandTicket { status } } }', { id: ticket.id });
    expect(data.node).toEqual({ status: 'CLOSED_UNRATED' });
    expect(toGlobalId('DemandTicket', uuidIn(ticket.id))).toBe(ticket.id);
  });
});
