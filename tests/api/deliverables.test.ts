import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartner, codes, createNeed, createPledge, createProject, mutate, OPS, succeed } from '../support/partner-api.js';
import { buildPartnerWorld, type PartnerWorld } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let world: PartnerWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
});
afterAll(() => server?.stop());

/** An active project with enterprise A as an accepted partner, B invited only, and an accepted pledge by A. */
async function setting() {
  const projectId = await createProject(world, { status: 'ACTIVE' });
  await addPartner(world, projectId, world.organisations.enterpriseA, world.people.enterpriseMember.client);
  await succeed(world.people.secretary.client, OPS.partnerInvite, {
    input: { projectId, organisationId: world.organisations.enterpriseB.id, role: 'PARTNER' },
  });
  const needId = await createNeed(world, projectId, { quantity: '500' });
  const accepted = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '300');
  await succeed(world.people.secretary.client, OPS.pledgeRespond, { id: accepted, input: { accept: true } });
  const proposed = await createPledge(world.people.memberB.client, needId, world.organisations.enterpriseB.id, '100');
  return { projectId, accepted, proposed };
}

async function createDeliverable(projectId: string, pledgeIds: string[] = [], dueOn = '2026-12-31') {
  const payload = await succeed(world.people.secretary.client, OPS.deliverableCreate, {
    input: {
      projectId,
      title: '加装电梯 3 部',
      description: '验收合格并投入使用',
      dueOn,
      ownerIds: [world.organisations.lead.id, world.organisations.enterpriseA.id],
      pledgeIds,
    },
  });
  return payload.deliverable.id as string;
}

function move(id: string, to: string, client = world.people.enterpriseMember.client, extra: Record<string, unknown> = {}) {
  return mutate(client, OPS.deliverableTransition, { id, input: { to, ...extra } });
}

describe('deliverableCreate', () => {
  it('plans a deliverable owned by accepted partners and fed by accepted pledges', async () => {
    const { projectId, accepted } = await setting();
    const payload = await succeed(world.people.secretary.client, OPS.deliverableCreate, {
      input: {
        projectId,
        title: '加装电梯 3 部',
        dueOn: '2026-12-31',
        ownerIds: [world.organisations.enterpriseA.id],
        pledgeIds: [accepted],
      },
    });
    expect(payload.deliverable).toMatchObject({
      title: '加装电梯 3 部',
      status: 'PLANNED',
      dueOn: '2026-12-31',
      overdue: false,
      owners: [{ id: world.organisations.enterpriseA.id }],
      pledges: [{ id: accepted }],
    });
  });

  it('refuses owners that are not accepted partners, and pledges that are not accepted pledges of the project', async () => {
    const { projectId, proposed } = await setting();
    const other = await setting();
    const payload = await mutate(world.people.secretary.client, OPS.deliverableCreate, {
      input: {
        projectId,
        title: '社区议事厅',
        ownerIds: [world.organisations.enterpriseA.id, world.organisations.enterpriseB.id, world.organisations.social.id],
        pledgeIds: [proposed, other.accepted],
      },
    });
    expect(payload.userErrors).toEqual([
      { code: 'NOT_A_PARTNER', field: ['input', 'ownerIds', '1'] },
      { code: 'NOT_A_PARTNER', field: ['input', 'ownerIds', '2'] },
      { code: 'INVALID', field: ['input', 'pledgeIds', '0'] },
      { code: 'INVALID', field: ['input', 'pledgeIds', '1'] },
    ]);
    const none = await mutate(world.people.secretary.client, OPS.deliverableCreate, {
      input: { projectId, title: '无主成果', ownerIds: [] },
    });
    expect(none.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'ownerIds'] }]);
  });

  it('is for coordinators only', async () => {
    const { projectId } = await setting();
    const input = { projectId, title: '企业自定成果', ownerIds: [world.organisations.enterpriseA.id] };
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.deliverableCreate, { input }))).toEqual(['FORBIDDEN']);
  });
});

describe('deliverableUpdate', () => {
  it("lets the owners' members edit, but not change the owners; non-partners get FORBIDDEN", async () => {
    const { projectId, accepted } = await setting();
    const id = await createDeliverable(projectId);
    const edited = await succeed(world.people.enterpriseMember.client, OPS.deliverableUpdate, {
      id,
      input: { title: '加装电梯 4 部', pledgeIds: [accepted] },
    });
    expect(edited.deliverable).toMatchObject({ title: '加装电梯 4 部', pledges: [{ id: accepted }] });
    expect(
      (
        await mutate(world.people.enterpriseMember.client, OPS.deliverableUpdate, {
          id,
          input: { ownerIds: [world.organisations.enterpriseA.id] },
        })
      ).userErrors,
    ).toEqual([{ code: 'FORBIDDEN', field: ['input', 'ownerIds'] }]);
    for (const client of [world.people.memberB.client, world.people.resident.client, world.people.socialCoordinator.client]) {
      expect(codes(await mutate(client, OPS.deliverableUpdate, { id, input: { title: '外人改' } }))).toEqual(['FORBIDDEN']);
    }
    const owners = await succeed(world.people.leadCoordinator.client, OPS.deliverableUpdate, {
      id,
      input: { ownerIds: [world.organisations.enterpriseA.id] },
    });
    expect(owners.deliverable.owners).toEqual([{ id: world.organisations.enterpriseA.id }]);
    const unlinked = await succeed(world.people.enterpriseMember.client, OPS.deliverableUpdate, { id, input: { pledgeIds: [] } });
    expect(unlinked.deliverable.pledges).toEqual([]);
  });
});

describe('deliverableTransition', () => {
  it('runs PLANNED → IN_PROGRESS → SUBMITTED → (sent back) → SUBMITTED → ACCEPTED', async () => {
    const { projectId } = await setting();
    const id = await createDeliverable(projectId);
    expect(codes(await move(id, 'SUBMITTED'))).toEqual(['INVALID_STATE_TRANSITION']);
    expect((await move(id, 'IN_PROGRESS')).deliverable.status).toBe('IN_PROGRESS');
    const submitted = await move(id, 'SUBMITTED', undefined, { evidenceUrls: ['https://example.org/acceptance-1.pdf'] });
    expect(submitted.deliverable).toMatchObject({
      status: 'SUBMITTED',
      evidenceUrls: ['https://example.org/acceptance-1.pdf'],
      submittedAt: '2026-11-21T02:00:00.000Z',
    });
    // Owners do not accept their own work, and a send-back needs a reason.
    expect(codes(await move(id, 'ACCEPTED'))).toEqual(['FORBIDDEN']);
    expect((await move(id, 'IN_PROGRESS', world.people.secretary.client)).userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'reason'] },
    ]);
    const back = await move(id, 'IN_PROGRESS', world.people.secretary.client, { reason: '缺少消防验收报告' });
    expect(back.deliverable).toMatchObject({ status: 'IN_PROGRESS', statusReason: '缺少消防验收报告' });
    await move(id, 'SUBMITTED', undefined, { evidenceUrls: ['https://example.org/fire-safety.pdf'] });
    const done = await move(id, 'ACCEPTED', world.people.leadCoordinator.client);
    expect(done.deliverable).toMatchObject({
      status: 'ACCEPTED',
      acceptedAt: '2026-11-21T02:00:00.000Z',
      evidenceUrls: ['https://example.org/acceptance-1.pdf', 'https://example.org/fire-safety.pdf'],
    });
    expect(codes(await mutate(world.people.secretary.client, OPS.deliverableUpdate, { id, input: { title: '已验收' } }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(codes(await move(id, 'IN_PROGRESS', world.people.secretary.client, { reason: '重开' }))).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it('is FORBIDDEN to non-partners and NOT_FOUND inside a draft they cannot see', async () => {
    const { projectId } = await setting();
    const id = await createDeliverable(projectId);
    expect(codes(await move(id, 'IN_PROGRESS', world.people.memberB.client))).toEqual(['FORBIDDEN']);
    const draft = await createProject(world, { status: 'DRAFT' });
    const hidden = (
      await succeed(world.people.secretary.client, OPS.deliverableCreate, {
        input: { projectId: draft, title: '草案成果', ownerIds: [world.organisations.lead.id] },
      })
    ).deliverable.id;
    expect((await move(hidden, 'IN_PROGRESS', world.people.memberB.client)).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
  });
});

describe('Deliverable.overdue', () => {
  it('is derived from the due day in China and cleared by acceptance', async () => {
    const { projectId } = await setting();
    const id = await createDeliverable(projectId, [], '2026-11-30');
    const query = `query ($id: ID!, $project: ID!) { node(id: $id) { ... on Deliverable { overdue viewerCanUpdate viewerCanReview } }
      project(id: $project) { progress { deliverablesTotal deliverablesAccepted deliverablesOverdue } } }`;
    expect((await world.people.anonymous.query(query, { id, project: projectId })).project.progress).toEqual({
      deliverablesTotal: 1,
      deliverablesAccepted: 0,
      deliverablesOverdue: 0,
    });
    // 2026-11-30T16:00Z is already 1 December in Beijing.
    server.clock.set('2026-11-30T16:00:00.000Z');
    try {
      const late = await world.people.enterpriseMember.client.query(query, { id, project: projectId });
      expect(late.node).toEqual({ overdue: true, viewerCanUpdate: true, viewerCanReview: false });
      expect(late.project.progress.deliverablesOverdue).toBe(1);
      await move(id, 'IN_PROGRESS');
      await move(id, 'SUBMITTED');
      expect((await world.people.secretary.client.query(query, { id, project: projectId })).node.viewerCanReview).toBe(true);
      await move(id, 'ACCEPTED', world.people.secretary.client);
      const accepted = await world.people.anonymous.query(query, { id, project: projectId });
      expect(accepted.node.overdue).toBe(false);
      expect(accepted.project.progress).toEqual({ deliverablesTotal: 1, deliverablesAccepted: 1, deliverablesOverdue: 0 });
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });
});
