import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createNeed, createPledge, createProject, mutate, OPS, succeed } from '../support/partner-api.js';
import { buildPartnerWorld, uuidOfId, type PartnerWorld } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let world: PartnerWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
});
afterAll(() => server?.stop());

async function entries(): Promise<number> {
  const [row] = await server.sql<{ count: number }>('select count(*)::int as count from activity_entry');
  return row!.count;
}

/**
 * Runs one successful mutation and checks it left exactly one activity entry, with the expected action,
 * on the project's timeline, by the caller. Returns the mutation's payload.
 */
async function exactlyOneEntry(action: string, actorUuid: string, run: () => Promise<Record<string, any>>) {
  const before = await entries();
  const payload = await run();
  expect(payload.userErrors, action).toEqual([]);
  expect(await entries(), action).toBe(before + 1);
  const [latest] = await server.sql<{ action: string; actor_id: string; project_uuid: string | null }>(
    'select action, actor_id, project_uuid from activity_entry order by created_at desc, id desc limit 1',
  );
  expect(latest, action).toMatchObject({ action, actor_id: actorUuid });
  expect(latest!.project_uuid, action).not.toBeNull();
  return payload;
}

describe('activity log', () => {
  it('gets exactly one entry per mutation, in the same transaction', async () => {
    const { secretary, enterpriseMember, memberB, leadCoordinator } = world.people;
    const { lead, enterpriseA, enterpriseB, social } = world.organisations;
    const created = await exactlyOneEntry('project.created', secretary.uuid, () =>
      mutate(secretary.client, OPS.projectCreate, {
        input: {
          leadOrganisationId: lead.id,
          title: '矛盾纠纷调解室',
          summary: '在社区设立调解室，律师与乡贤轮值。',
          category: 'DISPUTE_PREVENTION',
          regionIds: [world.regions.villageA.id],
          startDate: '2026-12-01',
        },
      }),
    );
    const projectId = created.project.id;
    await exactlyOneEntry('project.updated', secretary.uuid, () =>
      mutate(secretary.client, OPS.projectUpdate, { id: projectId, input: { title: '矛盾纠纷调解室（一期）' } }),
    );
    await exactlyOneEntry('project.transitioned', secretary.uuid, () =>
      mutate(secretary.client, OPS.projectTransition, { id: projectId, input: { to: 'RECRUITING' } }),
    );
    const invited = await exactlyOneEntry('projectPartner.invited', secretary.uuid, () =>
      mutate(secretary.client, OPS.partnerInvite, { input: { projectId, organisationId: enterpriseA.id, role: 'PARTNER' } }),
    );
    await exactlyOneEntry('projectPartner.accepted', enterpriseMember.uuid, () =>
      mutate(enterpriseMember.client, OPS.partnerRespond, { id: invited.projectPartner.id, input: { accept: true } }),
    );
    const applied = await exactlyOneEntry('projectPartner.applied', world.people.socialCoordinator.uuid, () =>
      mutate(world.people.socialCoordinator.client, OPS.partnerApply, { input: { projectId, organisationId: social.id } }),
    );
    await exactlyOneEntry('projectPartner.withdrawn', world.people.socialCoordinator.uuid, () =>
      mutate(world.people.socialCoordinator.client, OPS.partnerWithdraw, { id: applied.projectPartner.id }),
    );
    const need = await exactlyOneEntry('need.created', secretary.uuid, () =>
      mutate(secretary.client, OPS.needCreate, {
        input: { projectId, kind: 'LEGAL_AID', description: '律师值班', quantity: '100', unit: '小时' },
      }),
    );
    const needId = need.need.id;
    await exactlyOneEntry('need.updated', secretary.uuid, () =>
      mutate(secretary.client, OPS.needUpdate, { id: needId, input: { quantity: '120' } }),
    );
    const pledged = await exactlyOneEntry('pledge.created', enterpriseMember.uuid, () =>
      mutate(enterpriseMember.client, OPS.pledgeCreate, { input: { needId, organisationId: enterpriseA.id, quantity: '40' } }),
    );
    const pledgeId = pledged.pledge.id;
    await exactlyOneEntry('pledge.updated', enterpriseMember.uuid, () =>
      mutate(enterpriseMember.client, OPS.pledgeUpdate, { id: pledgeId, input: { quantity: '50' } }),
    );
    await exactlyOneEntry('pledge.accepted', leadCoordinator.uuid, () =>
      mutate(leadCoordinator.client, OPS.pledgeRespond, { id: pledgeId, input: { accept: true } }),
    );
    const other = await createPledge(memberB.client, needId, enterpriseB.id, '10');
    await exactlyOneEntry('pledge.withdrawn', memberB.uuid, () => mutate(memberB.client, OPS.pledgeWithdraw, { id: other }));
    const delivery = await exactlyOneEntry('delivery.recorded', enterpriseMember.uuid, () =>
      mutate(enterpriseMember.client, OPS.deliveryRecord, { input: { pledgeId, quantity: '50', deliveredOn: '2026-11-21' } }),
    );
    // Confirming the last delivery also fulfils the pledge: still one entry, which says so.
    await exactlyOneEntry('delivery.confirmed', secretary.uuid, () =>
      mutate(secretary.client, OPS.deliveryConfirm, { id: delivery.delivery.id }),
    );
    const [confirmed] = await server.sql<{ after: Record<string, unknown> }>(
      `select after from activity_entry where action = 'delivery.confirmed' and project_uuid = ?`,
      [uuidOfId(projectId)],
    );
    expect(confirmed!.after).toMatchObject({ pledgeStatus: 'FULFILLED', quantity: '50.00' });
    const deliverable = await exactlyOneEntry('deliverable.created', secretary.uuid, () =>
      mutate(secretary.client, OPS.deliverableCreate, {
        input: { projectId, title: '调解室挂牌运行', ownerIds: [lead.id, enterpriseA.id], pledgeIds: [pledgeId] },
      }),
    );
    const deliverableId = deliverable.deliverable.id;
    await exactlyOneEntry('deliverable.updated', enterpriseMember.uuid, () =>
      mutate(enterpriseMember.client, OPS.deliverableUpdate, { id: deliverableId, input: { dueOn: '2027-01-31' } }),
    );
    await exactlyOneEntry('deliverable.transitioned', enterpriseMember.uuid, () =>
      mutate(enterpriseMember.client, OPS.deliverableTransition, { id: deliverableId, input: { to: 'IN_PROGRESS' } }),
    );
    await exactlyOneEntry('need.closed', secretary.uuid, () => mutate(secretary.client, OPS.needClose, { id: needId }));
  });

  it('gets no entry for a refused mutation', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '10' });
    const before = await entries();
    const refused = [
      await mutate(world.people.enterpriseMember.client, OPS.pledgeCreate, {
        input: { needId, organisationId: world.organisations.enterpriseA.id, quantity: '11' },
      }),
      await mutate(world.people.enterpriseMember.client, OPS.pledgeCreate, {
        input: { needId, organisationId: world.organisations.enterpriseB.id, quantity: '1' },
      }),
      await mutate(world.people.leadMember.client, OPS.projectTransition, { id: projectId, input: { to: 'ACTIVE' } }),
    ];
    expect(refused.map(codes)).toEqual([['PLEDGE_EXCEEDS_NEED'], ['FORBIDDEN'], ['FORBIDDEN']]);
    expect(await entries()).toBe(before);
  });

  it('cannot be rewritten, not even directly in the database', async () => {
    await expect(server.sql(`update activity_entry set action = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(server.sql(`delete from activity_entry`)).rejects.toThrow(/append-only/);
  });
});

describe('Project.activity', () => {
  it('is the timeline, newest first, with who acted for which organisation and what changed', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '500' });
    await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '200');
    const query = `query ($id: ID!) { project(id: $id) { activity(first: 10) { totalCount nodes {
      action subjectType subjectId at before after actor { id } onBehalfOf { id } project { id } } } } }`;
    const timeline = (await world.people.secretary.client.query(query, { id: projectId })).project.activity;
    expect(timeline.totalCount).toBe(4);
    expect(timeline.nodes.map((node: { action: string }) => node.action)).toEqual([
      'pledge.created',
      'need.created',
      'project.transitioned',
      'project.created',
    ]);
    const [pledged, , transitioned] = timeline.nodes;
    expect(pledged).toMatchObject({
      subjectType: 'Pledge',
      at: '2026-11-21T02:00:00.000Z',
      before: null,
      actor: { id: world.people.enterpriseMember.id },
      onBehalfOf: { id: world.organisations.enterpriseA.id },
      project: { id: projectId },
    });
    expect(JSON.parse(pledged.after)).toMatchObject({ quantity: '200.00', status: 'PROPOSED' });
    const node = await world.people.secretary.client.query(`query ($id: ID!) { node(id: $id) { id ... on Pledge { quantity } } }`, {
      id: pledged.subjectId,
    });
    expect(node.node.quantity).toBe('200.00');
    expect(JSON.parse(transitioned.before)).toEqual({ status: 'DRAFT' });
    expect(JSON.parse(transitioned.after)).toEqual({ status: 'RECRUITING', reason: null });
    // Signed out, the timeline is public like the project, but people are not named.
    const publicTimeline = (await world.people.anonymous.query(query, { id: projectId })).project.activity;
    expect(publicTimeline.nodes[0]).toMatchObject({ actor: null, onBehalfOf: { id: world.organisations.enterpriseA.id } });
  });
});

describe('Project.activity paging', () => {
  it('continues the first page with its endCursor, without gaps or repeats', async () => {
    const projectId = await createProject(world);
    for (let index = 0; index < 3; index += 1) {
      await createNeed(world, projectId, { quantity: String(10 + index) });
    }
    const query = `query ($id: ID!, $after: String) { project(id: $id) { activity(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id action } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = (await world.people.anonymous.query(query, { id: projectId, after })).project.activity;
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((node: { id: string }) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    const [row] = await server.sql<{ ids: string[] }>(
      'select array_agg(id order by created_at desc, id desc)::text[] as ids from activity_entry where project_uuid = ?',
      [uuidOfId(projectId)],
    );
    expect(seen.map(uuidOfId)).toEqual(row!.ids);
  });
});

describe('projectActivity subscription', () => {
  const SUBSCRIPTION = `subscription ($id: ID!) { projectActivity(projectId: $id) { id action subjectType actor { id } onBehalfOf { id } after project { id status } } }`;

  function wsClient(target: TestServer, cookie?: string): Client {
    const headers = cookie ? { cookie } : {};
    return createClient({
      url: `${target.url.replace(/^http/, 'ws')}/graphql`,
      // The session cookie goes in the upgrade request, as a browser would send it.
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
      retryAttempts: 0,
    });
  }

  interface Follower {
    events: Record<string, any>[];
    errors: unknown[];
    dispose: () => void;
  }

  function follow(client: Client, projectId: string): Follower {
    const follower: Follower = { events: [], errors: [], dispose: () => undefined };
    follower.dispose = client.subscribe(
      { query: SUBSCRIPTION, variables: { id: projectId } },
      {
        next: (result) => {
          if (result.errors) {
            follower.errors.push(...result.errors);
          } else {
            follower.events.push((result.data as Record<string, any>).projectActivity);
          }
        },
        error: (error) => follower.errors.push(error),
        complete: () => undefined,
      },
    );
    return follower;
  }

  async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** The subscription is live once a server connection LISTENs on the project's channel. */
  function listening(projectId: string) {
    return eventually(async () => {
      const [row] = await server.sql<{ count: number }>(`select count(*)::int as count from pg_stat_activity where query = ?`, [
        `LISTEN "projectActivity:${uuidOfId(projectId)}"`,
      ]);
      return row!.count > 0;
    }, 'LISTEN');
  }

  let second: TestServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    // A second server process on the same database: events must cross processes through PostgreSQL.
    second = await startTestServer({ databaseUrl: server.databaseUrl });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await second?.stop();
  });

  it('delivers an entry caused on another server process, reloaded fresh for each event', async () => {
    const projectId = await createProject(world);
    const client = wsClient(server, world.people.resident.client.signedInCookie);
    clients.push(client);
    const follower = follow(client, projectId);
    await listening(projectId);

    const secretaryOnSecond = await second.signedIn('13800000003');
    const created = await succeed(secretaryOnSecond, OPS.needCreate, {
      input: { projectId, kind: 'FUNDS', description: '调解室装修', quantity: '8000', unit: '元' },
    });
    await eventually(() => follower.events.length === 1, 'the need.created event');
    const [latest] = await server.sql<{ id: string }>(
      'select id from activity_entry where project_uuid = ? order by created_at desc, id desc limit 1',
      [uuidOfId(projectId)],
    );
    expect(follower.events[0]).toMatchObject({
      action: 'need.created',
      subjectType: 'Need',
      actor: { id: world.people.secretary.id },
      onBehalfOf: { id: world.organisations.lead.id },
      project: { id: projectId, status: 'RECRUITING' },
    });
    expect(uuidOfId(follower.events[0]!.id)).toBe(latest!.id);
    expect(JSON.parse(follower.events[0]!.after).quantity).toBe('8000.00');
    expect(created.need.id).toBeDefined();

    // Each event sees the database as it is now, not as it was when the subscription started.
    await succeed(secretaryOnSecond, OPS.projectTransition, { id: projectId, input: { to: 'ACTIVE' } });
    await eventually(() => follower.events.length === 2, 'the project.transitioned event');
    expect(follower.events[1]).toMatchObject({ action: 'project.transitioned', project: { status: 'ACTIVE' } });
    expect(follower.errors).toEqual([]);
  });

  it("checks the subscriber's right to read the project at every event", async () => {
    const draft = await createProject(world, { status: 'DRAFT' });
    const invitation = await succeed(world.people.secretary.client, OPS.partnerInvite, {
      input: { projectId: draft, organisationId: world.organisations.enterpriseA.id, role: 'PARTNER' },
    });
    const insiderClient = wsClient(server, world.people.secretary.client.signedInCookie);
    const invitedClient = wsClient(server, world.people.enterpriseMember.client.signedInCookie);
    clients.push(insiderClient, invitedClient);
    const insider = follow(insiderClient, draft);
    const invited = follow(invitedClient, draft);
    const secretaryOnSecond = await second.signedIn('13800000003');
    // Each subscription starts listening on its own schedule (no signal reaches the client): make
    // changes until both have seen one, then count from there.
    await listening(draft);
    for (let attempt = 0; insider.events.length === 0 || invited.events.length === 0; attempt += 1) {
      expect(attempt).toBeLessThan(20);
      await createNeedOn(secretaryOnSecond, draft);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [insiderBefore, invitedBefore] = [insider.events.length, invited.events.length];
    expect(invited.events.every((event) => event.action === 'need.created')).toBe(true);

    // Revoking the invitation takes the draft out of the enterprise member's sight: from that event on.
    await succeed(secretaryOnSecond, OPS.partnerWithdraw, { id: invitation.projectPartner.id });
    await createNeedOn(secretaryOnSecond, draft);
    await eventually(() => insider.events.length === insiderBefore + 2, 'the later events for the insider');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(insider.events.slice(insiderBefore).map((event) => event.action)).toEqual(['projectPartner.withdrawn', 'need.created']);
    expect(invited.events).toHaveLength(invitedBefore);
    expect(invited.errors).toEqual([]);
  });

  it('refuses to follow a project the subscriber may not read', async () => {
    const draft = await createProject(world, { status: 'DRAFT' });
    const client = wsClient(server, world.people.resident.client.signedInCookie);
    clients.push(client);
    const follower = follow(client, draft);
    await eventually(() => follower.errors.length > 0, 'the refusal');
    expect(JSON.stringify(follower.errors)).toContain('projectId names no project you can see');
    expect(follower.events).toEqual([]);
  });
});

async function createNeedOn(client: Parameters<typeof succeed>[0], projectId: string): Promise<void> {
  await succeed(client, OPS.needCreate, { input: { projectId, kind: 'MATERIALS', description: '桌椅', quantity: '20', unit: '套' } });
}
