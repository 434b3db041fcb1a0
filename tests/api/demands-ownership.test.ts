import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, demoIds, expectOk, HOUR, mutate, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let ids: DemoIds;
let resident: GraphQLClient;
let gridWorker: GraphQLClient;
let enterprise: GraphQLClient;
let social: GraphQLClient;
let regionAdmin: GraphQLClient;

beforeAll(async () => {
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  [resident, gridWorker, enterprise, social, regionAdmin] = await Promise.all(
    [ACCOUNTS.resident, ACCOUNTS.gridWorker, ACCOUNTS.enterprise, ACCOUNTS.socialCoordinator, ACCOUNTS.regionAdmin].map((phone) =>
      server.signedIn(phone),
    ),
  );
});
afterAll(() => server?.stop());

const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((error) => error.code);

async function acceptedByEnterprise(): Promise<Record<string, any>> {
  const ticket = await submit(resident, {});
  await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
  return expectOk(mutate(enterprise, 'demandAccept', { id: ticket.id }));
}

describe('first receiver owns', () => {
  it('lets no other organisation accept, act on or resolve a ticket once accepted', async () => {
    const ticket = await acceptedByEnterprise();
    expect(codes(await mutate(social, 'demandAccept', { id: ticket.id }))).toEqual(['INVALID_STATE_TRANSITION']);
    expect(codes(await mutate(social, 'demandResolve', { id: ticket.id, input: { note: '我们来处理' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await mutate(social, 'demandAddAction', { id: ticket.id, input: { note: '已上门' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await mutate(regionAdmin, 'demandResolve', { id: ticket.id, input: { note: '已处理' } }))).toEqual(['FORBIDDEN']);
  });

  it('lets the owner neither decline nor pass the ticket on (no bouncing)', async () => {
    const ticket = await acceptedByEnterprise();
    expect(codes(await mutate(enterprise, 'demandDecline', { id: ticket.id, input: { reason: '不归我们管' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(codes(await mutate(enterprise, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.socialOrganisation } }))).toEqual(
      ['FORBIDDEN'],
    );
  });

  it('lets any member of the owner record actions and resolve', async () => {
    const ticket = await acceptedByEnterprise();
    await server.sql(`update membership set role = 'MEMBER' where person_id = ?`, [ids.personUuids.enterprise]);
    try {
      await expectOk(mutate(enterprise, 'demandAddAction', { id: ticket.id, input: { note: '已安排维修工' } }));
      const resolved = await expectOk(mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '已修好' } }));
      expect(resolved.status).toBe('RESOLVED');
    } finally {
      await server.sql(`update membership set role = 'COORDINATOR' where person_id = ?`, [ids.personUuids.enterprise]);
    }
  });

  it('changes the owner only by a dispatcher’s re-dispatch, with a note saying why; the first response time stays', async () => {
    const ticket = await acceptedByEnterprise();
    const firstResponse = ticket.respondedAt;
    const withoutNote = await mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.socialOrganisation } });
    expect(withoutNote.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'note'] })]);
    server.clock.advance(HOUR);
    const redispatched = await expectOk(
      mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.socialOrganisation, note: '需要专业社工介入' } }),
    );
    expect(redispatched).toMatchObject({
      status: 'DISPATCHED',
      assignedOrganisation: { id: ids.socialOrganisation },
      ownerOrganisation: null,
    });
    expect(codes(await mutate(enterprise, 'demandResolve', { id: ticket.id, input: { note: '已修好' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(codes(await mutate(enterprise, 'demandAccept', { id: ticket.id }))).toEqual(['FORBIDDEN']);
    const reaccepted = await expectOk(mutate(social, 'demandAccept', { id: ticket.id }));
    expect(reaccepted).toMatchObject({ status: 'ACCEPTED', ownerOrganisation: { id: ids.socialOrganisation }, respondedAt: firstResponse });
    expect(reaccepted.acceptedAt).toBe(server.clock.now().toISOString());
  });

  it('lets exactly one of two simultaneous acceptances through', async () => {
    const ticket = await submit(resident, {});
    await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
    const secondSession = await server.signedIn(ACCOUNTS.enterprise);
    const results = await Promise.all([
      mutate(enterprise, 'demandAccept', { id: ticket.id }),
      mutate(secondSession, 'demandAccept', { id: ticket.id }),
    ]);
    expect(results.map(codes).sort()).toEqual([[], ['INVALID_STATE_TRANSITION']]);
    const events = await server.sql(`select 1 from demand_event where ticket_id = ? and action = 'ACCEPTED'`, [uuidIn(ticket.id)]);
    expect(events).toHaveLength(1);
  });
});

describe('demandDecline', () => {
  it('returns the ticket to dispatch, and tells the dispatcher why on the timeline', async () => {
    const ticket = await submit(resident, {});
    const sent = await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
    const declined = await expectOk(mutate(enterprise, 'demandDecline', { id: ticket.id, input: { reason: '不在我司物业服务范围' } }));
    expect(declined).toMatchObject({ status: 'SUBMITTED', assignedOrganisation: null, ownerOrganisation: null, dueAt: sent.responseDueAt });
    expect(declined.events.at(-1)).toEqual({
      action: 'DECLINED',
      status: 'SUBMITTED',
      round: 1,
      note: '不在我司物业服务范围',
      rating: null,
      organisation: { id: ids.enterprise },
    });
    const inbox = await gridWorker.query(
      'query ($filter: DemandFilter) { demands(first: 100, filter: $filter) { nodes { id viewerCanDispatch } } }',
      { filter: { regionId: ids.grid, status: ['SUBMITTED'] } },
    );
    expect(inbox.demands.nodes).toContainEqual({ id: ticket.id, viewerCanDispatch: true });
  });

  it('leaves the declining organisation no hold on the ticket; the dispatcher sends it elsewhere', async () => {
    const ticket = await submit(resident, {});
    await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
    await expectOk(mutate(enterprise, 'demandDecline', { id: ticket.id, input: { reason: '人手不足' } }));
    expect(codes(await mutate(enterprise, 'demandAccept', { id: ticket.id }))).toEqual(['INVALID_STATE_TRANSITION']);
    await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.socialOrganisation } }));
    expect(codes(await mutate(enterprise, 'demandAccept', { id: ticket.id }))).toEqual(['FORBIDDEN']);
    expect((await expectOk(mutate(social, 'demandAccept', { id: ticket.id }))).ownerOrganisation).toEqual({
      id: ids.socialOrganisation,
      name: expect.any(String),
    });
  });
});
