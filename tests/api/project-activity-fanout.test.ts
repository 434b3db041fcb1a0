import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { createNeed, createPledge, createProject, OPS, succeed } from '../support/partner-api.js';
import { addMember, buildPartnerWorld, globalId, signUpAccount, type Account, type PartnerWorld } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { subscribe, type Subscription } from '../support/subscriptions.js';

// Many people follow one project's timeline; each live event is loaded once for all of them in a server
// process (activity/event-context.ts). These tests hold that sharing to the rule that each subscriber
// still gets only what the policy lets them see, decided with their memberships as of the event.
let server: TestServer;
let world: PartnerWorld;
/** ADMIN of `enterpriseA`: sees the personal data of its members (policy `person.readPersonalData`). */
let enterpriseAdmin: Account;
/** A second MEMBER of `enterpriseA`. */
let colleague: Account;
const open: Subscription<any>[] = [];

const FOLLOW = `subscription ($id: ID!) { projectActivity(projectId: $id) { id action actor { id phone } onBehalfOf { id } } }`;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
  enterpriseAdmin = await signUpAccount(server, '甲企业管理员');
  colleague = await signUpAccount(server, '甲企业同事');
  await addMember(server, enterpriseAdmin, world.organisations.enterpriseA, 'ADMIN');
  await addMember(server, colleague, world.organisations.enterpriseA, 'MEMBER');
});
afterAll(async () => {
  await Promise.all(open.map((subscription) => subscription.close()));
  await server?.stop();
});

async function needOn(projectId: string): Promise<void> {
  await succeed(world.people.secretary.client, OPS.needCreate, {
    input: { projectId, kind: 'MATERIALS', description: '桌椅', quantity: '20', unit: '套' },
  });
}

/** Drops whatever has arrived (and is still arriving) for a subscription. */
async function drain(subscription: Subscription<any>): Promise<void> {
  while (!(await subscription.nothingWithin(300))) {
    await subscription.next();
  }
}

/**
 * Subscribes every client (undefined: signed out) to the project and makes changes until each
 * subscription has received one (graphql-ws does not say when a subscription is live), then drops them.
 */
async function followAll(projectId: string, clients: (GraphQLClient | undefined)[]): Promise<Subscription<any>[]> {
  const subscriptions = clients.map((client) => subscribe(server.url, client, FOLLOW, { id: projectId }));
  open.push(...subscriptions);
  const live = new Set<Subscription<any>>();
  for (let attempt = 0; live.size < subscriptions.length; attempt += 1) {
    expect(attempt, 'every subscription live').toBeLessThan(20);
    await needOn(projectId);
    for (const subscription of subscriptions.filter((candidate) => !live.has(candidate))) {
      await subscription
        .next(300)
        .then(() => live.add(subscription))
        .catch(() => undefined);
    }
  }
  await Promise.all(subscriptions.map(drain));
  return subscriptions;
}

describe('projectActivity with many subscribers', () => {
  it("shows each subscriber the entry's actor as they may see them, from one shared load", async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId);
    const [admin, resident, anonymous] = await followAll(projectId, [enterpriseAdmin.client, world.people.resident.client, undefined]);
    await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '100');
    const seen = await Promise.all([admin!, resident!, anonymous!].map(async (subscription) => (await subscription.next(10_000)).data));
    const member = world.people.enterpriseMember.id;
    const entry = { action: 'pledge.created', onBehalfOf: { id: world.organisations.enterpriseA.id } };
    // The ADMIN of the member's organisation sees the phone; another signed-in person sees it masked;
    // signed out, nobody is named.
    expect(seen[0]!.projectActivity).toMatchObject({ ...entry, actor: { id: member, phone: '13800000004' } });
    expect(seen[1]!.projectActivity).toMatchObject({ ...entry, actor: { id: member, phone: '138****0004' } });
    expect(seen[2]!.projectActivity).toMatchObject({ ...entry, actor: null });
    expect(new Set(seen.map((data) => data!.projectActivity.id)).size).toBe(1);
  });

  it('stops a draft reaching a subscriber from the event after their membership ends, and only them', async () => {
    const draft = await createProject(world, { status: 'DRAFT' });
    // enterpriseA is invited: its members may read the draft (policy `project.read`).
    await succeed(world.people.secretary.client, OPS.partnerInvite, {
      input: { projectId: draft, organisationId: world.organisations.enterpriseA.id, role: 'PARTNER' },
    });
    const [insider, leaver, stayer] = await followAll(draft, [
      world.people.secretary.client,
      world.people.enterpriseMember.client,
      colleague.client,
    ]);
    // The enterprise member leaves enterpriseA; nothing is published about memberships.
    const [membership] = await server.sql<{ id: string }>('select id from membership where person_id = ? and organisation_id = ?', [
      world.people.enterpriseMember.uuid,
      world.organisations.enterpriseA.uuid,
    ]);
    const left = await world.people.enterpriseMember.client.query(
      `mutation ($id: ID!) { membershipRemove(id: $id) { userErrors { code } } }`,
      { id: globalId('Membership', membership!.id) },
    );
    expect(left.membershipRemove.userErrors).toEqual([]);

    await needOn(draft);
    expect((await insider!.next(10_000)).data?.projectActivity.action).toBe('need.created');
    expect((await stayer!.next(10_000)).data?.projectActivity.action).toBe('need.created');
    expect(await leaver!.nothingWithin(500)).toBe(true);
  });

  it('runs the same SQL per event for four subscribers as for one', async () => {
    const projectId = await createProject(world);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    /** Statements of one change (its own and its event's), once every subscriber has the event. */
    const statementsPerEvent = async (subscriptions: Subscription<any>[]) => {
      await settle();
      server.statements.reset();
      await needOn(projectId);
      await Promise.all(subscriptions.map((subscription) => subscription.next(10_000)));
      await settle();
      return server.statements.count;
    };
    const [first] = await followAll(projectId, [world.people.resident.client]);
    const withOne = await statementsPerEvent([first!]);
    const others = await followAll(projectId, [world.people.secretary.client, enterpriseAdmin.client, colleague.client]);
    await drain(first!);
    // Before the event was loaded once for all, each subscriber added seven statements.
    expect(await statementsPerEvent([first!, ...others])).toBe(withOne);
  });
});
