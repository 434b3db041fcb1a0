import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createNeed, createPledge, createProject, mutate, OPS, succeed } from '../support/partner-api.js';
import { buildPartnerWorld, type PartnerWorld } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let world: PartnerWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
});
afterAll(() => server?.stop());

const NEED = `query ($id: ID!) { node(id: $id) { ... on Need { quantity pledged accepted delivered remaining coverage isOpen
  pledges { totalCount nodes { id quantity status pledger { id } } } } } }`;

async function need(id: string) {
  return (await world.people.anonymous.query(NEED, { id })).node;
}

function pledge(
  client = world.people.enterpriseMember.client,
  needId: string,
  quantity: string,
  organisationId = world.organisations.enterpriseA.id,
) {
  return mutate(client, OPS.pledgeCreate, { input: { needId, organisationId, quantity } });
}

function accept(id: string, client = world.people.secretary.client) {
  return mutate(client, OPS.pledgeRespond, { id, input: { accept: true } });
}

describe('needCreate', () => {
  it('creates a need whose derived amounts start at zero', async () => {
    const projectId = await createProject(world);
    const payload = await succeed(world.people.secretary.client, OPS.needCreate, {
      input: { projectId, kind: 'MATERIALS', description: '电梯井钢材', quantity: '12.5', unit: '吨', deadline: '2026-12-31' },
    });
    expect(payload.need).toMatchObject({
      kind: 'MATERIALS',
      quantity: '12.50',
      unit: '吨',
      pledged: '0.00',
      accepted: '0.00',
      delivered: '0.00',
      remaining: '12.50',
      coverage: '0.0000',
      isOpen: true,
    });
  });

  it.each([
    ['0', 'INVALID'],
    ['-5', 'INVALID'],
    ['1.001', 'INVALID'],
  ])('refuses quantity %s with %s', async (quantity, code) => {
    const projectId = await createProject(world);
    const payload = await mutate(world.people.secretary.client, OPS.needCreate, {
      input: { projectId, kind: 'FUNDS', description: '资金', quantity, unit: '元' },
    });
    expect(payload.userErrors).toEqual([{ code, field: ['input', 'quantity'] }]);
  });

  it('refuses a deadline in the past, an empty description, non-coordinators and ended projects', async () => {
    const projectId = await createProject(world);
    const base = { projectId, kind: 'FUNDS', description: '资金', quantity: '100', unit: '元' };
    const invalid = await mutate(world.people.secretary.client, OPS.needCreate, {
      input: { ...base, description: ' ', deadline: '2026-11-20' },
    });
    expect(invalid.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'description'] },
      { code: 'INVALID', field: ['input', 'deadline'] },
    ]);
    expect(codes(await mutate(world.people.leadMember.client, OPS.needCreate, { input: base }))).toEqual(['FORBIDDEN']);
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.needCreate, { input: base }))).toEqual(['FORBIDDEN']);
    await succeed(world.people.secretary.client, OPS.projectTransition, { id: projectId, input: { to: 'CANCELLED', reason: '取消' } });
    expect(codes(await mutate(world.people.secretary.client, OPS.needCreate, { input: base }))).toEqual(['INVALID_STATE_TRANSITION']);
  });
});

describe('needUpdate', () => {
  it('keeps the quantity above what is pledged and the unit fixed once pledged', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '1000' });
    await succeed(world.people.secretary.client, OPS.needUpdate, { id: needId, input: { unit: '万元', quantity: '500' } });
    await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '400');
    const payload = await mutate(world.people.secretary.client, OPS.needUpdate, { id: needId, input: { quantity: '399.99', unit: '元' } });
    expect(payload.userErrors).toEqual([
      { code: 'INVALID', field: ['input', 'unit'] },
      { code: 'PLEDGE_EXCEEDS_NEED', field: ['input', 'quantity'] },
    ]);
    const allowed = await succeed(world.people.secretary.client, OPS.needUpdate, {
      id: needId,
      input: { quantity: '300', allowOversubscription: true, description: '超额认捐也欢迎' },
    });
    expect(allowed.need).toMatchObject({ quantity: '300.00', allowOversubscription: true, unit: '万元' });
  });
});

describe('needClose', () => {
  it('closes the need: proposed pledges are cancelled, accepted ones stand, new ones are refused', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '100' });
    const proposed = await createPledge(world.people.memberB.client, needId, world.organisations.enterpriseB.id, '30');
    const accepted = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '40');
    await accept(accepted);
    const payload = await succeed(world.people.secretary.client, OPS.needClose, { id: needId });
    expect(payload.need).toMatchObject({ closedAt: '2026-11-21T02:00:00.000Z', isOpen: false });
    const after = await need(needId);
    expect(after.pledges.nodes.map((node: { id: string; status: string }) => [node.id, node.status])).toEqual([
      [proposed, 'CANCELLED'],
      [accepted, 'ACCEPTED'],
    ]);
    expect(after).toMatchObject({ pledged: '40.00', accepted: '40.00', remaining: '60.00' });
    expect((await pledge(undefined, needId, '1')).userErrors).toEqual([{ code: 'NEED_CLOSED', field: ['input', 'needId'] }]);
    expect(codes(await mutate(world.people.secretary.client, OPS.needClose, { id: needId }))).toEqual(['INVALID_STATE_TRANSITION']);
    expect(codes(await mutate(world.people.secretary.client, OPS.needUpdate, { id: needId, input: { quantity: '120' } }))).toEqual([
      'NEED_CLOSED',
    ]);
  });
});

describe('pledgeCreate', () => {
  it('adds up money exactly: 0.10 + 0.20 fills a need of 0.30', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '0.30' });
    const first = await pledge(undefined, needId, '0.10');
    expect(first.pledge).toMatchObject({ quantity: '0.10', status: 'PROPOSED', need: { pledged: '0.10', remaining: '0.20' } });
    const second = await pledge(world.people.memberB.client, needId, '0.20', world.organisations.enterpriseB.id);
    expect(second.pledge.need).toEqual({ id: needId, pledged: '0.30', remaining: '0.00' });
    expect((await pledge(undefined, needId, '0.01')).userErrors).toEqual([{ code: 'PLEDGE_EXCEEDS_NEED', field: ['input', 'quantity'] }]);
    await accept(first.pledge.id);
    await accept(second.pledge.id);
    expect(await need(needId)).toMatchObject({ pledged: '0.30', accepted: '0.30', remaining: '0.00', coverage: '1.0000' });
    const [sum] = await server.sql<{ total: string; exact: boolean }>(
      `select sum(quantity)::text as total, sum(quantity) = 0.30 as exact from pledge where project_id = (select project_id from need where id = ?)`,
      [Buffer.from(needId, 'base64url').toString().split(':')[1]],
    );
    expect(sum).toEqual({ total: '0.30', exact: true });
  });

  it('refuses a member of enterprise A pledging for enterprise B', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId);
    const payload = await pledge(world.people.enterpriseMember.client, needId, '100', world.organisations.enterpriseB.id);
    expect(payload.userErrors).toEqual([{ code: 'FORBIDDEN', field: ['input', 'organisationId'] }]);
    expect((await need(needId)).pledges.totalCount).toBe(0);
  });

  it('refuses unverified organisations, invalid quantities, and projects not taking pledges', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId);
    expect(codes(await pledge(undefined, needId, '10', world.organisations.pendingEnterprise.id))).toEqual(['ORGANISATION_NOT_VERIFIED']);
    expect(codes(await pledge(undefined, needId, '0.00'))).toEqual(['INVALID']);
    expect(codes(await pledge(undefined, needId, '10.125'))).toEqual(['INVALID']);
    const draft = await createProject(world, { status: 'DRAFT' });
    const draftNeed = await createNeed(world, draft);
    expect((await pledge(undefined, draftNeed, '10')).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'needId'] }]);
    expect(codes(await pledge(world.people.secretary.client, draftNeed, '10', world.organisations.collective.id))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('lets pledges exceed the need when it allows oversubscription', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, {
      quantity: '100',
      unit: '小时',
      kind: 'VOLUNTEER_HOURS',
      allowOversubscription: true,
    });
    await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '80');
    const over = await succeed(world.people.memberB.client, OPS.pledgeCreate, {
      input: { needId, organisationId: world.organisations.enterpriseB.id, quantity: '80' },
    });
    expect(over.pledge.need).toMatchObject({ pledged: '160.00', remaining: '0.00' });
  });

  it('refuses pledges after the deadline (a day in China)', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '100', deadline: '2026-11-21' });
    // 2026-11-21T15:59Z is still the 21st in Beijing; 16:00Z is the 22nd.
    server.clock.set('2026-11-21T15:59:00.000Z');
    try {
      await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '1');
      server.clock.set('2026-11-21T16:00:00.000Z');
      expect(codes(await pledge(undefined, needId, '1'))).toEqual(['NEED_CLOSED']);
      expect((await need(needId)).isOpen).toBe(false);
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });
});

describe('pledgeUpdate', () => {
  it('lets the pledger change a proposed pledge within the need', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '100' });
    const id = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '60');
    await createPledge(world.people.memberB.client, needId, world.organisations.enterpriseB.id, '30');
    // 60 → 70 fits (70 + 30 = 100): its own old quantity does not count against it.
    expect(
      (await succeed(world.people.enterpriseMember.client, OPS.pledgeUpdate, { id, input: { quantity: '70', note: '追加' } })).pledge,
    ).toMatchObject({
      quantity: '70.00',
      note: '追加',
    });
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.pledgeUpdate, { id, input: { quantity: '70.01' } }))).toEqual([
      'PLEDGE_EXCEEDS_NEED',
    ]);
    expect(codes(await mutate(world.people.memberB.client, OPS.pledgeUpdate, { id, input: { quantity: '1' } }))).toEqual(['FORBIDDEN']);
    await accept(id);
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.pledgeUpdate, { id, input: { quantity: '1' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });
});

describe('pledgeRespond', () => {
  it("is for the project's coordinators only, never for their own organisation's pledge", async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId);
    const fromA = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '100');
    const fromB = await createPledge(world.people.memberB.client, needId, world.organisations.enterpriseB.id, '100');
    // The pledger cannot accept its own pledge; nor can a plain member of the lead.
    expect(codes(await accept(fromA, world.people.enterpriseMember.client))).toEqual(['FORBIDDEN']);
    expect(codes(await accept(fromA, world.people.leadMember.client))).toEqual(['FORBIDDEN']);
    // A coordinator who is also a member of B may answer A's pledge, but not B's.
    expect(codes(await accept(fromB, world.people.dualRole.client))).toEqual(['FORBIDDEN']);
    expect((await accept(fromA, world.people.dualRole.client)).pledge.status).toBe('ACCEPTED');
    const declined = await succeed(world.people.secretary.client, OPS.pledgeRespond, {
      id: fromB,
      input: { accept: false, note: '暂不需要' },
    });
    expect(declined.pledge).toMatchObject({ status: 'DECLINED', responseNote: '暂不需要' });
    expect(codes(await accept(fromB))).toEqual(['INVALID_STATE_TRANSITION']);
    expect(await need(needId)).toMatchObject({ pledged: '100.00', accepted: '100.00' });
  });
});

describe('pledgeWithdraw', () => {
  it('lets the pledger withdraw before fulfilment, which frees the need', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId, { quantity: '50' });
    const id = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '50');
    await accept(id);
    expect(codes(await mutate(world.people.secretary.client, OPS.pledgeWithdraw, { id }))).toEqual(['FORBIDDEN']);
    expect((await succeed(world.people.enterpriseMember.client, OPS.pledgeWithdraw, { id })).pledge.status).toBe('WITHDRAWN');
    expect(await need(needId)).toMatchObject({ pledged: '0.00', remaining: '50.00' });
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.pledgeWithdraw, { id }))).toEqual(['INVALID_STATE_TRANSITION']);
  });
});

describe('deliveryRecord and deliveryConfirm', () => {
  const delivery = (
    pledgeId: string,
    quantity: string,
    extra: Record<string, unknown> = {},
    client = world.people.enterpriseMember.client,
  ) => mutate(client, OPS.deliveryRecord, { input: { pledgeId, quantity, deliveredOn: '2026-11-20', note: '首批', ...extra } });

  it('records deliveries against accepted pledges; confirmed deliveries that cover the pledge fulfil it', async () => {
    const projectId = await createProject(world, { status: 'ACTIVE' });
    const needId = await createNeed(world, projectId, { quantity: '1000.00' });
    const pledgeId = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '600.00');
    expect(codes(await delivery(pledgeId, '100'))).toEqual(['INVALID_STATE_TRANSITION']);
    await accept(pledgeId);

    expect(codes(await delivery(pledgeId, '100', {}, world.people.memberB.client))).toEqual(['FORBIDDEN']);
    expect(
      (await delivery(pledgeId, '100', { deliveredOn: '2026-11-22', evidenceUrls: ['https://example.org/r.jpg', 'javascript:alert(1)'] }))
        .userErrors,
    ).toEqual([
      { code: 'INVALID', field: ['input', 'evidenceUrls', '1'] },
      { code: 'INVALID', field: ['input', 'deliveredOn'] },
    ]);
    const first = await delivery(pledgeId, '250.50', { evidenceUrls: ['https://example.org/receipt-1.pdf'] });
    expect(first.delivery).toMatchObject({
      quantity: '250.50',
      deliveredOn: '2026-11-20',
      confirmedAt: null,
      evidenceUrls: ['https://example.org/receipt-1.pdf'],
    });
    const second = await delivery(pledgeId, '349.50');
    expect((await delivery(pledgeId, '0.01')).userErrors).toEqual([{ code: 'DELIVERY_EXCEEDS_PLEDGE', field: ['input', 'quantity'] }]);

    // The pledger cannot confirm its own delivery; the project's coordinators can.
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.deliveryConfirm, { id: first.delivery.id }))).toEqual([
      'FORBIDDEN',
    ]);
    const confirmed = await succeed(world.people.leadCoordinator.client, OPS.deliveryConfirm, { id: first.delivery.id });
    expect(confirmed.delivery.pledge).toMatchObject({ status: 'ACCEPTED', delivered: '250.50', fulfilledAt: null });
    expect(await need(needId)).toMatchObject({ delivered: '250.50', accepted: '600.00' });

    const last = await succeed(world.people.secretary.client, OPS.deliveryConfirm, { id: second.delivery.id });
    expect(last.delivery.pledge).toMatchObject({ status: 'FULFILLED', delivered: '600.00', fulfilledAt: '2026-11-21T02:00:00.000Z' });
    expect(codes(await mutate(world.people.secretary.client, OPS.deliveryConfirm, { id: second.delivery.id }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(await need(needId)).toMatchObject({ delivered: '600.00', accepted: '600.00', pledged: '600.00' });
    const progress = await world.people.anonymous.query(
      `query ($id: ID!) { project(id: $id) { progress { pledgesAccepted pledgesFulfilled needsCoverage } } }`,
      {
        id: projectId,
      },
    );
    expect(progress.project.progress).toEqual({ pledgesAccepted: 1, pledgesFulfilled: 1, needsCoverage: '0.6000' });
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.pledgeWithdraw, { id: pledgeId }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('is not confirmed by a coordinator who belongs to the pledging organisation', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId);
    const pledgeId = await createPledge(world.people.memberB.client, needId, world.organisations.enterpriseB.id, '10');
    await accept(pledgeId);
    const recorded = await delivery(pledgeId, '10', {}, world.people.memberB.client);
    expect(codes(await mutate(world.people.dualRole.client, OPS.deliveryConfirm, { id: recorded.delivery.id }))).toEqual(['FORBIDDEN']);
  });
});

describe('capabilities', () => {
  it('follow the policy for each viewer', async () => {
    const projectId = await createProject(world);
    const needId = await createNeed(world, projectId);
    const pledgeId = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '10');
    const query = `query ($need: ID!, $pledge: ID!) {
      need: node(id: $need) { ... on Need { viewerCanPledge viewerCanUpdate } }
      pledge: node(id: $pledge) { ... on Pledge { viewerCanUpdate viewerCanRespond viewerCanWithdraw viewerCanRecordDelivery pledgedBy { id } } } }`;
    const variables = { need: needId, pledge: pledgeId };
    expect(await world.people.enterpriseMember.client.query(query, variables)).toEqual({
      need: { viewerCanPledge: true, viewerCanUpdate: false },
      pledge: {
        viewerCanUpdate: true,
        viewerCanRespond: false,
        viewerCanWithdraw: true,
        viewerCanRecordDelivery: false,
        pledgedBy: { id: world.people.enterpriseMember.id },
      },
    });
    expect(await world.people.secretary.client.query(query, variables)).toMatchObject({
      need: { viewerCanUpdate: true },
      pledge: { viewerCanUpdate: false, viewerCanRespond: true, viewerCanWithdraw: false },
    });
    expect(await world.people.anonymous.query(query, variables)).toEqual({
      need: { viewerCanPledge: false, viewerCanUpdate: false },
      pledge: {
        viewerCanUpdate: false,
        viewerCanRespond: false,
        viewerCanWithdraw: false,
        viewerCanRecordDelivery: false,
        pledgedBy: null,
      },
    });
  });
});

describe('Organisation.pledges', () => {
  it("lists an organisation's pledges across projects, newest first, filtered by status", async () => {
    const first = await createNeed(world, await createProject(world), { quantity: '5' });
    const second = await createNeed(world, await createProject(world), { quantity: '5' });
    const a = await createPledge(world.people.socialCoordinator.client, first, world.organisations.social.id, '1');
    server.clock.advance(60_000);
    const b = await createPledge(world.people.socialCoordinator.client, second, world.organisations.social.id, '2');
    await accept(b);
    const query = `query ($id: ID!, $filter: PledgeFilter) { organisation(id: $id) { pledges(filter: $filter) { totalCount nodes { id project { id } } } } }`;
    const all = await world.people.anonymous.query(query, { id: world.organisations.social.id });
    expect(all.organisation.pledges.nodes.map((node: { id: string }) => node.id)).toEqual([b, a]);
    const accepted = await world.people.anonymous.query(query, { id: world.organisations.social.id, filter: { status: ['ACCEPTED'] } });
    expect(accepted.organisation.pledges.nodes.map((node: { id: string }) => node.id)).toEqual([b]);
    server.clock.set('2026-11-21T02:00:00.000Z');
  });
});
