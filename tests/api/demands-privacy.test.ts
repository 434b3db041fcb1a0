import { eraseDemandContacts } from '@gongzhi/server/src/demands/demand-erasure.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, demoIds, expectOk, mutate, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let ids: DemoIds;
let clients: Record<keyof typeof ACCOUNTS, GraphQLClient>;
let ticketId: string;
let otherGridTicketId: string;

const ADDRESS = '玉湖社区3号楼2单元401室';
const PERSONAL = `contactName contactPhone contactAddress viewerCanSeePersonalData resident { id } submittedBy { id } events { action actor { id } }`;

beforeAll(async () => {
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  const entries = await Promise.all(Object.entries(ACCOUNTS).map(async ([key, phone]) => [key, await server.signedIn(phone)] as const));
  clients = Object.fromEntries(entries) as typeof clients;
  // One ticket dispatched by the grid worker and accepted by the enterprise (its coordinator sees the data).
  const ticket = await submit(clients.resident, { contactAddress: ADDRESS });
  await expectOk(mutate(clients.gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
  await expectOk(mutate(clients.enterprise, 'demandAccept', { id: ticket.id }));
  ticketId = ticket.id;
  otherGridTicketId = (await submit(clients.resident, { contactAddress: ADDRESS, gridId: ids.otherGrid })).id;
});
afterAll(() => server?.stop());

async function view(client: GraphQLClient, id = ticketId): Promise<Record<string, any>> {
  return (await client.query(`query ($id: ID!) { demand(id: $id) { ${PERSONAL} } }`, { id })).demand;
}

async function viewLog(id = ticketId): Promise<{ actor_id: string; on_behalf_of_id: string | null }[]> {
  return server.sql(
    `select actor_id, on_behalf_of_id from activity_entry where action = 'demand.personalDataViewed' and subject_uuid = ? order by id`,
    [uuidIn(id)],
  );
}

describe('DemandTicket personal data', () => {
  it('is unmasked for the resident, without a log entry', async () => {
    const before = (await viewLog()).length;
    const ticket = await view(clients.resident);
    expect(ticket).toMatchObject({
      contactName: ids.residentName,
      contactPhone: ACCOUNTS.resident,
      contactAddress: ADDRESS,
      viewerCanSeePersonalData: true,
      resident: { id: expect.any(String) },
    });
    expect(await viewLog()).toHaveLength(before);
  });

  it.each([
    ['the grid worker of the grid (the dispatcher)', 'gridWorker', null],
    ['the administrator of the street above', 'regionAdmin', null],
    ['a coordinator of the owning organisation', 'enterprise', 'enterprise'],
  ] as const)('is unmasked for %s, and each view is logged once per request', async (_who, account, onBehalf) => {
    const before = (await viewLog()).length;
    const ticket = await view(clients[account]);
    expect(ticket).toMatchObject({
      contactName: ids.residentName,
      contactPhone: ACCOUNTS.resident,
      contactAddress: ADDRESS,
      viewerCanSeePersonalData: true,
    });
    expect(ticket.resident).not.toBeNull();
    expect(ticket.events[0].actor).not.toBeNull();
    const log = await viewLog();
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toEqual({
      actor_id: ids.personUuids[account],
      on_behalf_of_id: onBehalf ? uuidIn(ids.enterprise) : null,
    });
  });

  it.each([
    ['another resident or partner', 'officer'],
    ['a coordinator of another organisation', 'socialCoordinator'],
    ['a party branch secretary of the community', 'branchSecretary'],
  ] as const)('is masked for %s, and nothing is logged', async (_who, account) => {
    const before = (await viewLog()).length;
    const ticket = await view(clients[account]);
    expect(ticket).toMatchObject({
      contactName: `${ids.residentName[0]}${'*'.repeat(ids.residentName.length - 1)}`,
      contactPhone: '138****0009',
      contactAddress: `${ADDRESS.slice(0, 6)}****`,
      viewerCanSeePersonalData: false,
      resident: null,
      submittedBy: null,
    });
    // The resident's own step does not reveal who they are.
    expect(ticket.events[0]).toEqual({ action: 'SUBMITTED', actor: null });
    expect(await viewLog()).toHaveLength(before);
  });

  it('is masked for the public (signed out)', async () => {
    const ticket = await view(server.client());
    expect(ticket).toMatchObject({ contactPhone: '138****0009', resident: null, viewerCanSeePersonalData: false });
  });

  it('is masked for a plain member of the owning organisation', async () => {
    await server.sql(`update membership set role = 'MEMBER' where person_id = ?`, [ids.personUuids.enterprise]);
    try {
      expect((await view(clients.enterprise)).contactPhone).toBe('138****0009');
    } finally {
      await server.sql(`update membership set role = 'COORDINATOR' where person_id = ?`, [ids.personUuids.enterprise]);
    }
  });

  it('is masked for the organisation a ticket is dispatched to until it accepts', async () => {
    const ticket = await submit(clients.resident, { contactAddress: ADDRESS });
    await expectOk(mutate(clients.gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.socialOrganisation } }));
    expect((await view(clients.socialCoordinator, ticket.id)).contactPhone).toBe('138****0009');
    await expectOk(mutate(clients.socialCoordinator, 'demandAccept', { id: ticket.id }));
    expect((await view(clients.socialCoordinator, ticket.id)).contactPhone).toBe(ACCOUNTS.resident);
  });

  it('is masked for a grid worker of another grid', async () => {
    expect((await view(clients.gridWorker, otherGridTicketId)).contactPhone).toBe('138****0009');
    expect(await viewLog(otherGridTicketId)).toHaveLength(0);
  });

  it('logs one view per ticket per request in a list, however many fields and aliases ask', async () => {
    const mine = await clients.resident.query('{ demands(first: 100, filter: { mine: true }) { nodes { id grid { id } } } }');
    const inGrid = mine.demands.nodes
      .filter((node: { grid: { id: string } }) => node.grid.id === ids.grid)
      .map((node: { id: string }) => node.id);
    const count = async () =>
      (await server.sql<{ n: number }>(`select count(*)::int as n from activity_entry where action = 'demand.personalDataViewed'`))[0]!.n;
    const before = await count();
    const seen = await clients.gridWorker.query(
      `query ($f: DemandFilter) { demands(first: 100, filter: $f) { nodes { contactName contactPhone again: contactPhone contactAddress resident { id } } } }`,
      { f: { mine: false, regionId: ids.grid } },
    );
    // The grid worker sees every ticket of the grid unmasked (the resident's and the demo neighbours').
    expect(seen.demands.nodes.length).toBeGreaterThanOrEqual(inGrid.length);
    expect((await count()) - before).toBe(seen.demands.nodes.length);
  });
});

describe('eraseDemandContacts', () => {
  // Last in the file: it erases the resident's contact data on every ticket.
  it('erases the contact data copied onto a deleted resident’s tickets, and keeps the tickets', async () => {
    const changed = await server.app.orm.em.fork().transactional((tx) => eraseDemandContacts(tx, ids.personUuids.resident, '已注销用户'));
    expect(changed).toBeGreaterThanOrEqual(2);
    expect(await view(clients.gridWorker)).toMatchObject({ contactName: '已注销用户', contactPhone: null, contactAddress: null });
  });
});
