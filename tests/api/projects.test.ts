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

async function count(table: string): Promise<number> {
  const [row] = await server.sql<{ count: number }>(`select count(*)::int as count from ${table}`);
  return row!.count;
}

function createInput(overrides: Record<string, unknown> = {}) {
  return {
    leadOrganisationId: world.organisations.lead.id,
    title: '社区食堂助老餐',
    summary: '为高龄独居老人提供助餐服务。',
    category: 'ELDERLY_CARE',
    regionIds: [world.regions.villageA.id],
    startDate: '2026-12-01',
    ...overrides,
  };
}

const PROJECT = `query ($id: ID!) {
  project(id: $id) { id title status leadOrganisation { id } regions { id }
    partners { totalCount nodes { role status organisation { id } } } viewerCanUpdate viewerCanCoordinate } }`;

describe('projectCreate', () => {
  it('creates a DRAFT project whose lead Party organisation is its CORE partner', async () => {
    const payload = await succeed(world.people.secretary.client, OPS.projectCreate, { input: createInput({ endDate: '2027-03-31' }) });
    expect(payload.project).toMatchObject({
      status: 'DRAFT',
      category: 'ELDERLY_CARE',
      startDate: '2026-12-01',
      endDate: '2027-03-31',
      leadOrganisation: { id: world.organisations.lead.id },
      regions: [{ id: world.regions.villageA.id }],
      viewerCanUpdate: true,
    });
    const data = await world.people.secretary.client.query(PROJECT, { id: payload.project.id });
    expect(data.project.partners).toEqual({
      totalCount: 1,
      nodes: [{ role: 'CORE', status: 'ACCEPTED', organisation: { id: world.organisations.lead.id } }],
    });
  });

  it('lets a COORDINATOR of the lead create projects too', async () => {
    await succeed(world.people.leadCoordinator.client, OPS.projectCreate, { input: createInput() });
  });

  it('returns LEAD_NOT_PARTY_ORGANISATION when the lead is not a Party organisation, even for its ADMIN', async () => {
    const before = await count('project');
    const payload = await mutate(world.people.secretary.client, OPS.projectCreate, {
      input: createInput({ leadOrganisationId: world.organisations.collective.id }),
    });
    expect(payload.userErrors).toEqual([{ code: 'LEAD_NOT_PARTY_ORGANISATION', field: ['input', 'leadOrganisationId'] }]);
    expect(payload.project).toBeNull();
    expect(await count('project')).toBe(before);
  });

  it('returns ORGANISATION_NOT_VERIFIED for a Party organisation that is not verified', async () => {
    const payload = await mutate(world.people.secretary.client, OPS.projectCreate, {
      input: createInput({ leadOrganisationId: world.organisations.pendingParty.id }),
    });
    expect(codes(payload)).toEqual(['ORGANISATION_NOT_VERIFIED']);
  });

  it('returns FORBIDDEN to a plain MEMBER of the lead and to outsiders', async () => {
    for (const person of [world.people.leadMember, world.people.enterpriseMember]) {
      const payload = await mutate(person.client, OPS.projectCreate, { input: createInput() });
      expect(codes(payload)).toEqual(['FORBIDDEN']);
    }
  });

  it('reports every invalid field and writes nothing', async () => {
    const before = await count('project');
    const payload = await mutate(world.people.secretary.client, OPS.projectCreate, {
      input: createInput({
        title: '  ',
        summary: 'x'.repeat(5001),
        regionIds: [world.regions.villageA.id, 'not-a-region'],
        endDate: '2026-11-30',
      }),
    });
    expect(payload.userErrors).toEqual(
      expect.arrayContaining([
        { code: 'REQUIRED', field: ['input', 'title'] },
        { code: 'TOO_LONG', field: ['input', 'summary'] },
        { code: 'NOT_FOUND', field: ['input', 'regionIds', '1'] },
        { code: 'INVALID', field: ['input', 'endDate'] },
      ]),
    );
    expect(payload.userErrors).toHaveLength(4);
    expect(await count('project')).toBe(before);
    expect(await count('project_partner')).toBeGreaterThan(0);
  });

  it('requires at least one region', async () => {
    const payload = await mutate(world.people.secretary.client, OPS.projectCreate, { input: createInput({ regionIds: [] }) });
    expect(payload.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'regionIds'] }]);
  });

  it('is refused to signed-out callers with UNAUTHENTICATED', async () => {
    const response = await world.people.anonymous.request(OPS.projectCreate, { input: createInput() });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('projectTransition', () => {
  it('walks DRAFT → RECRUITING → ACTIVE → COMPLETED', async () => {
    const id = await createProject(world, { status: 'DRAFT' });
    for (const to of ['RECRUITING', 'ACTIVE', 'COMPLETED']) {
      const payload = await succeed(world.people.leadCoordinator.client, OPS.projectTransition, { id, input: { to } });
      expect(payload.project.status).toBe(to);
    }
    const again = await mutate(world.people.secretary.client, OPS.projectTransition, { id, input: { to: 'ACTIVE', reason: '重启' } });
    expect(again.userErrors).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: ['input', 'to'] }]);
  });

  it.each([
    ['DRAFT', 'ACTIVE'],
    ['DRAFT', 'COMPLETED'],
    ['RECRUITING', 'DRAFT'],
    ['RECRUITING', 'COMPLETED'],
    ['ACTIVE', 'RECRUITING'],
  ] as const)('refuses %s → %s with INVALID_STATE_TRANSITION', async (from, to) => {
    const id = await createProject(world, { status: from });
    const payload = await mutate(world.people.secretary.client, OPS.projectTransition, { id, input: { to } });
    expect(codes(payload)).toEqual(['INVALID_STATE_TRANSITION']);
    const data = await world.people.secretary.client.query(PROJECT, { id });
    expect(data.project.status).toBe(from);
  });

  it('requires a reason to cancel, and cancelling cancels proposed and accepted pledges', async () => {
    const id = await createProject(world);
    const needId = await createNeed(world, id, { quantity: '1000.00' });
    const proposed = await createPledge(world.people.enterpriseMember.client, needId, world.organisations.enterpriseA.id, '100.00');
    const accepted = await createPledge(world.people.memberB.client, needId, world.organisations.enterpriseB.id, '200.00');
    await succeed(world.people.secretary.client, OPS.pledgeRespond, { id: accepted, input: { accept: true } });

    const noReason = await mutate(world.people.secretary.client, OPS.projectTransition, { id, input: { to: 'CANCELLED' } });
    expect(noReason.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'reason'] }]);

    const payload = await succeed(world.people.secretary.client, OPS.projectTransition, {
      id,
      input: { to: 'CANCELLED', reason: '资金来源调整，项目合并' },
    });
    expect(payload.project).toMatchObject({ status: 'CANCELLED', statusReason: '资金来源调整，项目合并' });
    const rows = await server.sql<{ status: string }>(
      'select status from pledge where need_id = (select need_id from pledge where id = ?)',
      [Buffer.from(proposed, 'base64url').toString().split(':')[1]],
    );
    expect(rows.map((row) => row.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('is FORBIDDEN to members who do not coordinate, and NOT_FOUND when they cannot even see the draft', async () => {
    const recruiting = await createProject(world);
    const byMember = await mutate(world.people.leadMember.client, OPS.projectTransition, { id: recruiting, input: { to: 'ACTIVE' } });
    expect(codes(byMember)).toEqual(['FORBIDDEN']);
    const draft = await createProject(world, { status: 'DRAFT' });
    const byOutsider = await mutate(world.people.enterpriseMember.client, OPS.projectTransition, {
      id: draft,
      input: { to: 'RECRUITING' },
    });
    expect(byOutsider.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
  });
});

describe('projectUpdate', () => {
  it('edits the title and regions while recruiting', async () => {
    const id = await createProject(world);
    const payload = await succeed(world.people.secretary.client, OPS.projectUpdate, {
      id,
      input: { title: '城东社区加装电梯', regionIds: [world.regions.villageA.id, world.regions.townshipB.id] },
    });
    expect(payload.project.title).toBe('城东社区加装电梯');
    expect(payload.project.regions.map((region: { id: string }) => region.id).sort()).toEqual(
      [world.regions.villageA.id, world.regions.townshipB.id].sort(),
    );
  });

  it('refuses structural changes once ACTIVE, but not the title', async () => {
    const id = await createProject(world, { status: 'ACTIVE' });
    const payload = await mutate(world.people.secretary.client, OPS.projectUpdate, {
      id,
      input: { category: 'CULTURE', regionIds: [world.regions.townshipB.id], startDate: '2027-01-01' },
    });
    expect(payload.userErrors).toEqual([
      { code: 'INVALID_STATE_TRANSITION', field: ['input', 'category'] },
      { code: 'INVALID_STATE_TRANSITION', field: ['input', 'regionIds'] },
      { code: 'INVALID_STATE_TRANSITION', field: ['input', 'startDate'] },
    ]);
    await succeed(world.people.secretary.client, OPS.projectUpdate, { id, input: { title: '改造二期', endDate: '2027-12-31' } });
  });

  it('refuses any change to a completed project', async () => {
    const id = await createProject(world, { status: 'ACTIVE' });
    await succeed(world.people.secretary.client, OPS.projectTransition, { id, input: { to: 'COMPLETED' } });
    const payload = await mutate(world.people.secretary.client, OPS.projectUpdate, { id, input: { title: '不能再改' } });
    expect(codes(payload)).toEqual(['INVALID_STATE_TRANSITION']);
  });

  it('is FORBIDDEN to partners who do not coordinate', async () => {
    const id = await createProject(world);
    const payload = await mutate(world.people.enterpriseMember.client, OPS.projectUpdate, { id, input: { title: '企业改的标题' } });
    expect(codes(payload)).toEqual(['FORBIDDEN']);
  });
});

describe('project, projects and node: read rules', () => {
  const LIST = `query ($filter: ProjectFilter) { projects(first: 100, filter: $filter) { nodes { id } } }`;
  const NODE = `query ($id: ID!) { node(id: $id) { id ... on Project { title } } }`;

  it('shows a draft only to members of the lead and of invited or accepted partners', async () => {
    const draft = await createProject(world, { status: 'DRAFT', title: '保密的草案' });
    await succeed(world.people.secretary.client, OPS.partnerInvite, {
      input: { projectId: draft, organisationId: world.organisations.social.id, role: 'PARTNER' },
    });
    const filter = { organisationId: world.organisations.lead.id };
    for (const person of [world.people.secretary, world.people.leadMember, world.people.socialCoordinator]) {
      expect((await person.client.query(PROJECT, { id: draft })).project?.id).toBe(draft);
      expect((await person.client.query(NODE, { id: draft })).node?.id).toBe(draft);
      expect((await person.client.query(LIST, { filter })).projects.nodes.map((node: { id: string }) => node.id)).toContain(draft);
    }
    for (const client of [world.people.enterpriseMember.client, world.people.resident.client, world.people.anonymous]) {
      expect((await client.query(PROJECT, { id: draft })).project).toBeNull();
      expect((await client.query(NODE, { id: draft })).node).toBeNull();
      expect((await client.query(LIST, { filter })).projects.nodes.map((node: { id: string }) => node.id)).not.toContain(draft);
    }
  });

  it('shows recruiting projects to everyone, signed out included', async () => {
    const id = await createProject(world);
    expect((await world.people.anonymous.query(PROJECT, { id })).project).toMatchObject({
      id,
      viewerCanUpdate: false,
      viewerCanCoordinate: false,
    });
    expect((await world.people.anonymous.query(NODE, { id })).node.id).toBe(id);
  });

  it('answers null for ids of another type or of nothing', async () => {
    const id = await createProject(world);
    const organisationId = world.organisations.lead.id;
    expect((await world.people.secretary.client.query(PROJECT, { id: organisationId })).project).toBeNull();
    expect((await world.people.secretary.client.query(PROJECT, { id: id.slice(0, -2) })).project).toBeNull();
  });
});

describe('projects', () => {
  let inVillage: string;
  let inTownshipB: string;
  let culture: string;

  beforeAll(async () => {
    inVillage = await createProject(world, { title: 'A 河道保洁', category: 'ENVIRONMENT', startDate: '2027-03-01' });
    inTownshipB = await createProject(world, {
      title: 'B 乡村振兴直播',
      category: 'INDUSTRY',
      regions: [world.regions.townshipB],
      startDate: '2026-12-15',
    });
    culture = await createProject(world, { title: 'C 文化下乡', category: 'CULTURE', status: 'ACTIVE', startDate: '2027-01-10' });
  });

  async function ids(
    filter: Record<string, unknown>,
    orderBy?: Record<string, unknown>,
    client = world.people.anonymous,
  ): Promise<string[]> {
    const data = await client.query(
      `query ($filter: ProjectFilter, $orderBy: ProjectOrder) { projects(first: 100, filter: $filter, orderBy: $orderBy) { nodes { id } } }`,
      { filter, orderBy },
    );
    return data.projects.nodes.map((node: { id: string }) => node.id);
  }

  /** The demo district has projects of its own; these filters are checked among the ones made here. */
  const ours = (list: string[]) => list.filter((id) => [inVillage, inTownshipB, culture].includes(id));

  it('filters by status and category', async () => {
    expect(ours(await ids({ status: 'ACTIVE', category: 'CULTURE' }))).toEqual([culture]);
    expect(ours(await ids({ category: 'ENVIRONMENT' }))).toEqual([inVillage]);
    expect(ours(await ids({ status: 'COMPLETED' }))).toEqual([]);
  });

  it('filters by region, including the whole subtree of the region given', async () => {
    const inB = await ids({ regionId: world.regions.townshipB.id });
    expect(inB).toContain(inTownshipB);
    expect(inB).not.toContain(inVillage);
    const inA = await ids({ regionId: world.regions.townshipA.id });
    expect(inA).toContain(inVillage);
    expect(inA).not.toContain(inTownshipB);
    const inDistrict = await ids({ regionId: world.regions.district.id });
    expect(inDistrict).toEqual(expect.arrayContaining([inVillage, inTownshipB, culture]));
  });

  it('filters by organisation: the lead and accepted partners, not invited ones', async () => {
    await succeed(world.people.secretary.client, OPS.partnerInvite, {
      input: { projectId: inVillage, organisationId: world.organisations.enterpriseB.id, role: 'PARTNER' },
    });
    expect(await ids({ organisationId: world.organisations.enterpriseB.id })).not.toContain(inVillage);
    const invited = await succeed(world.people.secretary.client, OPS.partnerInvite, {
      input: { projectId: culture, organisationId: world.organisations.social.id, role: 'SUPPORTER' },
    });
    await succeed(world.people.socialCoordinator.client, OPS.partnerRespond, { id: invited.projectPartner.id, input: { accept: true } });
    expect(await ids({ organisationId: world.organisations.social.id })).toContain(culture);
    expect(await ids({ organisationId: world.organisations.lead.id })).toEqual(expect.arrayContaining([inVillage, inTownshipB, culture]));
  });

  it('filters by need kind, counting only open needs (not closed, deadline not passed)', async () => {
    const legal = await createNeed(world, inTownshipB, { quantity: '20', kind: 'LEGAL_AID', unit: '小时' });
    await createNeed(world, culture, { quantity: '5', kind: 'VENUE', unit: '场', deadline: '2026-11-25' });
    expect(ours(await ids({ needKind: 'LEGAL_AID' }))).toEqual([inTownshipB]);
    expect(ours(await ids({ needKind: 'VENUE' }))).toEqual([culture]);
    server.clock.set('2026-11-26T02:00:00.000Z');
    try {
      expect(ours(await ids({ needKind: 'VENUE' }))).toEqual([]);
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
    await succeed(world.people.secretary.client, OPS.needClose, { id: legal });
    expect(ours(await ids({ needKind: 'LEGAL_AID' }))).toEqual([]);
  });

  it('orders by title, start date and creation, and pages by cursor', async () => {
    const filter = { regionId: world.regions.district.id, category: undefined };
    const mine = [inVillage, inTownshipB, culture];
    const only = (list: string[]) => list.filter((id) => mine.includes(id));
    expect(only(await ids(filter, { field: 'TITLE', direction: 'ASC' }))).toEqual([inVillage, inTownshipB, culture]);
    expect(only(await ids(filter, { field: 'START_DATE', direction: 'ASC' }))).toEqual([inTownshipB, culture, inVillage]);
    expect(only(await ids(filter, { field: 'CREATED_AT', direction: 'DESC' }))).toEqual([culture, inTownshipB, inVillage]);

    const page = `query ($after: String) { projects(first: 2, after: $after, filter: { regionId: "${world.regions.district.id}" }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = (await world.people.anonymous.query(page)).projects;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await world.people.anonymous.query(page, { after: first.pageInfo.endCursor })).projects;
    expect(second.nodes.map((node: { id: string }) => node.id)).not.toContain(first.nodes[0].id);
    expect(first.totalCount).toBe(second.totalCount);
  });
});
