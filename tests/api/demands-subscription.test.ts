import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, demoIds, expectOk, HOUR, mutate, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { subscribe, type Subscription } from '../support/subscriptions.js';

let server: TestServer;
let ids: DemoIds;
let resident: GraphQLClient;
let gridWorker: GraphQLClient;
let enterprise: GraphQLClient;
let officer: GraphQLClient;
const open: Subscription<unknown>[] = [];

const FOLLOW = `subscription ($id: ID!) {
  demandUpdated(id: $id) { id status contactPhone escalatedAt assignedOrganisation { id } events { action } }
}`;

beforeAll(async () => {
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  [resident, gridWorker, enterprise, officer] = await Promise.all(
    [ACCOUNTS.resident, ACCOUNTS.gridWorker, ACCOUNTS.enterprise, ACCOUNTS.officer].map((phone) => server.signedIn(phone)),
  );
});
afterAll(async () => {
  await Promise.all(open.map((subscription) => subscription.close()));
  await server?.stop();
});
beforeEach(() => server.clock.set('2026-11-21T02:00:00.000Z'));

/**
 * Subscribes and waits until the subscription is live: LISTEN is asynchronous, so the test pokes the
 * topic with NOTIFY until the first (harmless) reload arrives, then drops it.
 */
async function follow(client: GraphQLClient | undefined, ticketId: string): Promise<Subscription<any>> {
  const subscription = subscribe(server.url, client, FOLLOW, { id: ticketId });
  open.push(subscription);
  const uuid = uuidIn(ticketId);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await server.sql('select pg_notify(?, ?)', [`demandUpdated:${uuid}`, JSON.stringify({ uuid })]);
    try {
      await subscription.next(200);
      // Later pokes may still be in flight: let them arrive and drop them too.
      while (!(await subscription.nothingWithin(300))) {
        await subscription.next();
      }
      return subscription;
    } catch {
      // not live yet
    }
  }
  throw new Error('the subscription never became live');
}

describe('demandUpdated', () => {
  it('pushes every change of the ticket to the resident following it, reloaded fresh each time', async () => {
    const ticket = await submit(resident, {});
    const subscription = await follow(resident, ticket.id);
    await expectOk(mutate(gridWorker, 'demandDispatch', { id: ticket.id, input: { organisationId: ids.enterprise } }));
    const dispatched = await subscription.next();
    expect(dispatched.data?.demandUpdated).toMatchObject({
      id: ticket.id,
      status: 'DISPATCHED',
      contactPhone: ACCOUNTS.resident,
      assignedOrganisation: { id: ids.enterprise },
      events: [{ action: 'SUBMITTED' }, { action: 'DISPATCHED' }],
    });
    await expectOk(mutate(enterprise, 'demandAccept', { id: ticket.id }));
    const acceptedEvent = await subscription.next();
    expect(acceptedEvent.data?.demandUpdated).toMatchObject({
      status: 'ACCEPTED',
      events: [{ action: 'SUBMITTED' }, { action: 'DISPATCHED' }, { action: 'ACCEPTED' }],
    });
  });

  it('pushes what the platform does by itself (an escalation applied by a read)', async () => {
    const ticket = await submit(resident, {});
    const subscription = await follow(resident, ticket.id);
    server.clock.advance(25 * HOUR);
    await gridWorker.query('query ($id: ID!) { demand(id: $id) { id } }', { id: ticket.id });
    const escalated = await subscription.next();
    expect(escalated.data?.demandUpdated).toMatchObject({
      escalatedAt: ticket.responseDueAt,
      events: [{ action: 'SUBMITTED' }, { action: 'ESCALATED' }],
    });
  });

  it('masks personal data per subscriber, as the ticket query does', async () => {
    const ticket = await submit(resident, {});
    const subscription = await follow(officer, ticket.id);
    await expectOk(mutate(gridWorker, 'demandReject', { id: ticket.id, input: { reason: '重复' } }));
    const rejected = await subscription.next();
    expect(rejected.data?.demandUpdated).toMatchObject({ status: 'REJECTED', contactPhone: '138****0009' });
  });

  it('decides and logs the unmasked view per subscriber when several follow one ticket', async () => {
    const ticket = await submit(resident, {});
    const regionAdmin = await server.signedIn(ACCOUNTS.regionAdmin);
    const followers = [await follow(gridWorker, ticket.id), await follow(regionAdmin, ticket.id), await follow(officer, ticket.id)];
    for (const subscription of followers) {
      while (!(await subscription.nothingWithin(300))) {
        await subscription.next();
      }
    }
    const views = async (person: string) => {
      const [row] = await server.sql<{ count: number }>(
        `select count(*)::int as count from activity_entry
          where action = 'demand.personalDataViewed' and subject_uuid = ? and actor_id = ?`,
        [uuidIn(ticket.id), person],
      );
      return row!.count;
    };
    const viewers = [ids.personUuids.gridWorker, ids.personUuids.regionAdmin, ids.personUuids.officer];
    const before = await Promise.all(viewers.map(views));
    // One event reaches all three in this process, and is loaded once for them.
    await server.sql('select pg_notify(?, ?)', [`demandUpdated:${uuidIn(ticket.id)}`, JSON.stringify({ uuid: uuidIn(ticket.id) })]);
    const phones = await Promise.all(followers.map(async (subscription) => (await subscription.next()).data?.demandUpdated.contactPhone));
    expect(phones).toEqual([ACCOUNTS.resident, ACCOUNTS.resident, '138****0009']);
    const after = await Promise.all(viewers.map(views));
    expect(after.map((count, index) => count - before[index]!)).toEqual([1, 1, 0]);
  });

  it('does not push other tickets’ changes', async () => {
    const followed = await submit(resident, {});
    const other = await submit(resident, {});
    const subscription = await follow(resident, followed.id);
    await expectOk(mutate(gridWorker, 'demandReject', { id: other.id, input: { reason: '重复' } }));
    expect(await subscription.nothingWithin(500)).toBe(true);
  });

  it('refuses an unknown ticket, and a signed-out subscriber', async () => {
    const unknown = subscribe(server.url, resident, FOLLOW, { id: ids.grid });
    open.push(unknown);
    expect((await unknown.next()).errors?.[0]?.message).toMatch(/No such demand ticket/);
    const ticket = await submit(resident, {});
    const signedOut = subscribe(server.url, undefined, FOLLOW, { id: ticket.id });
    open.push(signedOut);
    expect((await signedOut.next()).errors?.[0]?.message).toMatch(/authenticated/i);
  });
});
