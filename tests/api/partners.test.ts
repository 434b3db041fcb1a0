import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartner, codes, createProject, mutate, OPS, succeed } from '../support/partner-api.js';
import { buildPartnerWorld, type PartnerWorld } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let world: PartnerWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
});
afterAll(() => server?.stop());

function invite(projectId: string, organisationId: string, role = 'PARTNER', client = world.people.secretary.client) {
  return mutate(client, OPS.partnerInvite, { input: { projectId, organisationId, role, message: '诚邀共建' } });
}

describe('projectPartnerInvite', () => {
  it('invites a verified organisation, once at a time', async () => {
    const projectId = await createProject(world);
    const payload = await invite(projectId, world.organisations.enterpriseA.id);
    expect(payload.userErrors).toEqual([]);
    expect(payload.projectPartner).toMatchObject({
      role: 'PARTNER',
      status: 'INVITED',
      organisation: { id: world.organisations.enterpriseA.id },
    });
    const again = await invite(projectId, world.organisations.enterpriseA.id, 'SUPPORTER');
    expect(again.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'organisationId'] }]);
  });

  it('may invite again after a decline', async () => {
    const projectId = await createProject(world);
    const first = await invite(projectId, world.organisations.enterpriseB.id);
    await succeed(world.people.memberB.client, OPS.partnerRespond, {
      id: first.projectPartner.id,
      input: { accept: false, note: '今年预算已满' },
    });
    expect(codes(await invite(projectId, world.organisations.enterpriseB.id))).toEqual([]);
  });

  it('invites already in DRAFT, so partners can prepare the project', async () => {
    const projectId = await createProject(world, { status: 'DRAFT' });
    expect(codes(await invite(projectId, world.organisations.social.id, 'CO_LEAD'))).toEqual([]);
  });

  it('refuses CORE (the lead holds it), unverified organisations, non-coordinators and ended projects', async () => {
    const projectId = await createProject(world);
    expect((await invite(projectId, world.organisations.social.id, 'CORE')).userErrors).toEqual([
      { code: 'INVALID', field: ['input', 'role'] },
    ]);
    expect(codes(await invite(projectId, world.organisations.pendingEnterprise.id))).toEqual(['ORGANISATION_NOT_VERIFIED']);
    expect(codes(await invite(projectId, world.organisations.social.id, 'PARTNER', world.people.leadMember.client))).toEqual(['FORBIDDEN']);
    expect(codes(await invite(projectId, world.organisations.social.id, 'PARTNER', world.people.enterpriseMember.client))).toEqual([
      'FORBIDDEN',
    ]);
    await succeed(world.people.secretary.client, OPS.projectTransition, { id: projectId, input: { to: 'CANCELLED', reason: '合并' } });
    expect(codes(await invite(projectId, world.organisations.social.id))).toEqual(['INVALID_STATE_TRANSITION']);
  });
});

describe('projectPartnerApply', () => {
  function apply(client = world.people.enterpriseMember.client, projectId: string, organisationId = world.organisations.enterpriseA.id) {
    return mutate(client, OPS.partnerApply, { input: { projectId, organisationId, message: '可提供施工队' } });
  }

  it('lets a member apply for their organisation as a PARTNER', async () => {
    const projectId = await createProject(world, { status: 'ACTIVE' });
    const payload = await apply(undefined, projectId);
    expect(payload.userErrors).toEqual([]);
    expect(payload.projectPartner).toMatchObject({ role: 'PARTNER', status: 'APPLIED', message: '可提供施工队' });
    expect(codes(await apply(undefined, projectId))).toEqual(['ALREADY_EXISTS']);
  });

  it('refuses to apply for an organisation one is not a member of', async () => {
    const projectId = await createProject(world);
    expect((await apply(world.people.enterpriseMember.client, projectId, world.organisations.enterpriseB.id)).userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['input', 'organisationId'] },
    ]);
  });

  it('refuses unverified organisations, hidden drafts and ended projects', async () => {
    const recruiting = await createProject(world);
    expect(codes(await apply(undefined, recruiting, world.organisations.pendingEnterprise.id))).toEqual(['ORGANISATION_NOT_VERIFIED']);
    const draft = await createProject(world, { status: 'DRAFT' });
    expect((await apply(undefined, draft)).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'projectId'] }]);
    const completed = await createProject(world, { status: 'ACTIVE' });
    await succeed(world.people.secretary.client, OPS.projectTransition, { id: completed, input: { to: 'COMPLETED' } });
    expect(codes(await apply(undefined, completed))).toEqual(['INVALID_STATE_TRANSITION']);
  });
});

describe('projectPartnerRespond', () => {
  it('lets only the invited organisation answer its invitation', async () => {
    const projectId = await createProject(world);
    const { projectPartner } = await invite(projectId, world.organisations.enterpriseA.id);
    expect(
      codes(await mutate(world.people.secretary.client, OPS.partnerRespond, { id: projectPartner.id, input: { accept: true } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await mutate(world.people.memberB.client, OPS.partnerRespond, { id: projectPartner.id, input: { accept: true } })),
    ).toEqual(['FORBIDDEN']);
    const accepted = await succeed(world.people.enterpriseMember.client, OPS.partnerRespond, {
      id: projectPartner.id,
      input: { accept: true, note: '乐意参与' },
    });
    expect(accepted.projectPartner).toMatchObject({ status: 'ACCEPTED', responseNote: '乐意参与' });
    expect(accepted.projectPartner.respondedAt).toBe('2026-11-21T02:00:00.000Z');
    const twice = await mutate(world.people.enterpriseMember.client, OPS.partnerRespond, {
      id: projectPartner.id,
      input: { accept: false },
    });
    expect(codes(twice)).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it("lets the project's coordinators answer an application, but not one of their own organisation", async () => {
    const projectId = await createProject(world);
    const applied = await succeed(world.people.memberB.client, OPS.partnerApply, {
      input: { projectId, organisationId: world.organisations.enterpriseB.id },
    });
    const id = applied.projectPartner.id;
    for (const client of [world.people.memberB.client, world.people.dualRole.client, world.people.leadMember.client]) {
      expect(codes(await mutate(client, OPS.partnerRespond, { id, input: { accept: true } }))).toEqual(['FORBIDDEN']);
    }
    const accepted = await succeed(world.people.leadCoordinator.client, OPS.partnerRespond, { id, input: { accept: true } });
    expect(accepted.projectPartner.status).toBe('ACCEPTED');
  });
});

describe('projectPartnerWithdraw', () => {
  it('never lets the core withdraw', async () => {
    const projectId = await createProject(world);
    const data = await world.people.secretary.client.query(
      `query ($id: ID!) { project(id: $id) { partners { nodes { id role viewerCanWithdraw } } } }`,
      {
        id: projectId,
      },
    );
    const core = data.project.partners.nodes[0];
    expect(core).toMatchObject({ role: 'CORE', viewerCanWithdraw: false });
    const payload = await mutate(world.people.secretary.client, OPS.partnerWithdraw, { id: core.id });
    expect(payload.userErrors).toEqual([{ code: 'LEAD_CANNOT_WITHDRAW', field: ['id'] }]);
  });

  it('lets a partner leave, once', async () => {
    const projectId = await createProject(world);
    const placeId = await addPartner(world, projectId, world.organisations.enterpriseA, world.people.enterpriseMember.client);
    expect(codes(await mutate(world.people.leadCoordinator.client, OPS.partnerWithdraw, { id: placeId }))).toEqual(['FORBIDDEN']);
    expect((await succeed(world.people.enterpriseMember.client, OPS.partnerWithdraw, { id: placeId })).projectPartner.status).toBe(
      'WITHDRAWN',
    );
    expect(codes(await mutate(world.people.enterpriseMember.client, OPS.partnerWithdraw, { id: placeId }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('lets coordinators revoke an invitation', async () => {
    const projectId = await createProject(world);
    const { projectPartner } = await invite(projectId, world.organisations.social.id);
    expect((await succeed(world.people.leadCoordinator.client, OPS.partnerWithdraw, { id: projectPartner.id })).projectPartner.status).toBe(
      'WITHDRAWN',
    );
  });
});

describe('CO_LEAD partners', () => {
  it('make their admins and coordinators coordinators of the project, once accepted', async () => {
    const projectId = await createProject(world);
    const needInput = { input: { projectId, kind: 'VOLUNTEER_HOURS', description: '助老志愿服务', quantity: '200', unit: '小时' } };
    const { projectPartner } = await invite(projectId, world.organisations.social.id, 'CO_LEAD');
    expect(codes(await mutate(world.people.socialCoordinator.client, OPS.needCreate, needInput))).toEqual(['FORBIDDEN']);
    await succeed(world.people.socialCoordinator.client, OPS.partnerRespond, { id: projectPartner.id, input: { accept: true } });
    await succeed(world.people.socialCoordinator.client, OPS.needCreate, needInput);
  });
});

describe('Project.composition', () => {
  it('counts accepted partners by organisation kind (一核多元), the core included', async () => {
    const projectId = await createProject(world);
    await addPartner(world, projectId, world.organisations.enterpriseA, world.people.enterpriseMember.client);
    await addPartner(world, projectId, world.organisations.enterpriseB, world.people.memberB.client, 'SUPPORTER');
    await addPartner(world, projectId, world.organisations.social, world.people.socialCoordinator.client, 'CO_LEAD');
    await invite(projectId, world.organisations.collective.id);
    const data = await world.people.anonymous.query(
      `query ($id: ID!) { project(id: $id) { composition { kind count } progress { partnersAccepted }
        partners(filter: { status: ACCEPTED }) { nodes { role } } } }`,
      { id: projectId },
    );
    expect(data.project.composition).toEqual([
      { kind: 'PARTY_ORGANISATION', count: 1 },
      { kind: 'ENTERPRISE', count: 2 },
      { kind: 'SOCIAL_ORGANISATION', count: 1 },
    ]);
    expect(data.project.progress.partnersAccepted).toBe(4);
    expect(data.project.partners.nodes.map((node: { role: string }) => node.role)).toEqual(['CORE', 'CO_LEAD', 'PARTNER', 'SUPPORTER']);
  });
});

describe('capabilities', () => {
  it('tell who may apply and who may answer', async () => {
    const projectId = await createProject(world);
    const applied = await succeed(world.people.enterpriseMember.client, OPS.partnerApply, {
      input: { projectId, organisationId: world.organisations.enterpriseA.id },
    });
    const query = `query ($id: ID!, $place: ID!) { project(id: $id) { viewerCanApply }
      node(id: $place) { ... on ProjectPartner { viewerCanRespond viewerCanWithdraw } } }`;
    const variables = { id: projectId, place: applied.projectPartner.id };
    expect(await world.people.memberB.client.query(query, variables)).toEqual({
      project: { viewerCanApply: true },
      node: { viewerCanRespond: false, viewerCanWithdraw: false },
    });
    expect(await world.people.secretary.client.query(query, variables)).toEqual({
      project: { viewerCanApply: true },
      node: { viewerCanRespond: true, viewerCanWithdraw: false },
    });
    expect(await world.people.enterpriseMember.client.query(query, variables)).toMatchObject({
      node: { viewerCanRespond: false, viewerCanWithdraw: true },
    });
    expect((await world.people.anonymous.query(query, variables)).project.viewerCanApply).toBe(false);
  });
});
