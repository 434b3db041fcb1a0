import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildTinyWorld, countRows, insertMembership, insertOrganisation, type TinyWorld } from '../support/tiny-world.js';

/** Valid unified social credit codes (GB 32100-2015 check character included) and one with a wrong check character. */
const CODE_A = '91530402MA6K123457';
const CODE_B = '91530402MA6K12346A';
const CODE_WRONG_CHECK = '91530402MA6K123458';

let server: TestServer;
let world: TinyWorld;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  world = await buildTinyWorld(server);
});
afterAll(() => server?.stop());

const CREATE = `mutation ($input: OrganisationCreateInput!) {
  organisationCreate(input: $input) {
    organisation { id name kind subtype creditCode verificationStatus memberCount viewerRole viewerCanUpdate viewerCanManageMembers region { id } parent { id } }
    userErrors { code field }
  }
}`;
const UPDATE = `mutation ($id: ID!, $input: OrganisationUpdateInput!) {
  organisationUpdate(id: $id, input: $input) {
    organisation { id name kind description creditCode verificationStatus verifiedAt parent { id } }
    userErrors { code field }
  }
}`;
const VERIFY = `mutation ($id: ID!, $input: OrganisationVerifyInput!) {
  organisationVerify(id: $id, input: $input) {
    organisation { id verificationStatus verifiedAt verificationNote }
    userErrors { code field }
  }
}`;

async function activityCount(action: string): Promise<number> {
  const [row] = await server.sql<{ count: number }>('select count(*)::int as count from activity_entry where action = ?', [action]);
  return row!.count;
}

describe('organisationCreate', () => {
  it('registers a PENDING organisation with the creator as its ADMIN and one activity entry', async () => {
    const before = await countRows(server, 'activity_entry');
    const data = await world.people.resident.client.query(CREATE, {
      input: {
        name: '甲社区志愿者协会',
        kind: 'SOCIAL_ORGANISATION',
        regionId: world.regions.villageA.id,
        creditCode: CODE_A.toLowerCase(),
      },
    });
    expect(data.organisationCreate.userErrors).toEqual([]);
    expect(data.organisationCreate.organisation).toMatchObject({
      name: '甲社区志愿者协会',
      kind: 'SOCIAL_ORGANISATION',
      creditCode: CODE_A,
      verificationStatus: 'PENDING',
      memberCount: 1,
      viewerRole: 'ADMIN',
      viewerCanUpdate: true,
      viewerCanManageMembers: true,
      region: { id: world.regions.villageA.id },
      parent: null,
    });
    expect(await countRows(server, 'activity_entry')).toBe(before + 1);
    const [entry] = await server.sql<{ action: string; actor_id: string; on_behalf_of_id: string }>(
      'select action, actor_id, on_behalf_of_id from activity_entry order by created_at desc, id desc limit 1',
    );
    expect(entry).toMatchObject({ action: 'organisation.created', actor_id: world.people.resident.uuid });
    expect(entry!.on_behalf_of_id).toBeTruthy();
  });

  it('accepts a parent, a subtype of the kind and a democratic party for a DEMOCRATIC_PARTY organisation', async () => {
    const party = await world.people.resident.client.query(CREATE, {
      input: { name: '甲街道党工委', kind: 'PARTY_ORGANISATION', subtype: 'PARTY_COMMITTEE', regionId: world.regions.townshipA.id },
    });
    const branch = await world.people.resident.client.query(CREATE, {
      input: {
        name: '甲社区党支部',
        kind: 'PARTY_ORGANISATION',
        subtype: 'PARTY_BRANCH',
        regionId: world.regions.villageA.id,
        parentId: party.organisationCreate.organisation.id,
      },
    });
    expect(branch.organisationCreate.organisation.parent).toEqual({ id: party.organisationCreate.organisation.id });
    const democratic = await world.people.resident.client.query(CREATE, {
      input: { name: '民盟甲街道支部', kind: 'DEMOCRATIC_PARTY', democraticParty: 'CDL', regionId: world.regions.townshipA.id },
    });
    expect(democratic.organisationCreate.userErrors).toEqual([]);
  });

  it('allows the same name in another region', async () => {
    const data = await world.people.member.client.query(CREATE, {
      input: { name: '甲社区志愿者协会', kind: 'SOCIAL_ORGANISATION', regionId: world.regions.villageB.id },
    });
    expect(data.organisationCreate.userErrors).toEqual([]);
  });

  const invalid: [string, () => Record<string, unknown>, string, string[]][] = [
    ['an empty name', () => ({ name: '   ' }), 'REQUIRED', ['input', 'name']],
    ['a 10 KB name', () => ({ name: '名'.repeat(10_240) }), 'TOO_LONG', ['input', 'name']],
    ['a credit code with a wrong check character', () => ({ creditCode: CODE_WRONG_CHECK }), 'INVALID', ['input', 'creditCode']],
    ['a malformed credit code', () => ({ creditCode: '1234' }), 'INVALID', ['input', 'creditCode']],
    ['a credit code already registered', () => ({ creditCode: CODE_A }), 'ALREADY_EXISTS', ['input', 'creditCode']],
    ['a name already registered in the region', () => ({ name: '甲社区志愿者协会' }), 'ALREADY_EXISTS', ['input', 'name']],
    ['a contact phone that is no telephone number', () => ({ contactPhone: 'call me maybe' }), 'INVALID', ['input', 'contactPhone']],
    ['an unknown region', () => ({ regionId: world.organisation.id }), 'NOT_FOUND', ['input', 'regionId']],
    ['an unknown parent', () => ({ parentId: world.regions.villageA.id }), 'NOT_FOUND', ['input', 'parentId']],
    ['a subtype of another kind', () => ({ subtype: 'PARTY_BRANCH' }), 'INVALID', ['input', 'subtype']],
    ['a democratic party for another kind', () => ({ democraticParty: 'CDL' }), 'INVALID', ['input', 'democraticParty']],
    ['a DEMOCRATIC_PARTY without its party', () => ({ kind: 'DEMOCRATIC_PARTY' }), 'REQUIRED', ['input', 'democraticParty']],
  ];

  it.each(invalid)('refuses %s with %s and changes nothing', async (_case, override, code, field) => {
    const tables = ['organisation', 'membership', 'activity_entry'];
    const before = await Promise.all(tables.map((table) => countRows(server, table)));
    const input = { name: '新的社会组织', kind: 'SOCIAL_ORGANISATION', regionId: world.regions.villageA.id, ...override() };
    const data = await world.people.resident.client.query(CREATE, { input });
    expect(data.organisationCreate.organisation).toBeNull();
    expect(data.organisationCreate.userErrors).toEqual([{ code, field }]);
    expect(await Promise.all(tables.map((table) => countRows(server, table)))).toEqual(before);
  });

  it('reports every field problem at once', async () => {
    const data = await world.people.resident.client.query(CREATE, {
      input: { name: '', kind: 'ENTERPRISE', regionId: 'nonsense', creditCode: CODE_WRONG_CHECK },
    });
    expect(data.organisationCreate.userErrors.map((error: { field: string[] }) => error.field.join('.')).sort()).toEqual([
      'input.creditCode',
      'input.name',
      'input.regionId',
    ]);
  });

  it('is refused to a signed-out caller', async () => {
    const response = await server
      .client()
      .request(CREATE, { input: { name: 'x', kind: 'ENTERPRISE', regionId: world.regions.villageA.id } });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('organisationUpdate', () => {
  it('edits the profile, records the changed fields, and keeps the kind', async () => {
    const organisation = await world.createOrganisation();
    const before = await activityCount('organisation.updated');
    const data = await world.people.admin.client.query(UPDATE, {
      id: organisation.id,
      input: { description: '提供便民服务', creditCode: CODE_B },
    });
    expect(data.organisationUpdate.userErrors).toEqual([]);
    expect(data.organisationUpdate.organisation).toMatchObject({ kind: 'ENTERPRISE', description: '提供便民服务', creditCode: CODE_B });
    expect(await activityCount('organisation.updated')).toBe(before + 1);
    const [entry] = await server.sql<{ before: Record<string, unknown>; after: Record<string, unknown>; on_behalf_of_id: string }>(
      `select before, after, on_behalf_of_id from activity_entry where action = 'organisation.updated' order by created_at desc, id desc limit 1`,
    );
    expect(entry).toEqual({
      before: { description: null, creditCode: null },
      after: { description: '提供便民服务', creditCode: CODE_B },
      on_behalf_of_id: organisation.uuid,
    });
  });

  it('clears an optional field given null and leaves omitted fields alone', async () => {
    const organisation = await world.createOrganisation();
    await world.people.admin.client.query(UPDATE, { id: organisation.id, input: { description: '临时说明' } });
    const data = await world.people.admin.client.query(UPDATE, { id: organisation.id, input: { description: null } });
    expect(data.organisationUpdate.organisation).toMatchObject({ name: organisation.name, description: null });
  });

  it('sends a VERIFIED organisation back to PENDING when its name changes', async () => {
    const organisation = await world.createOrganisation({ status: 'VERIFIED' });
    const data = await world.people.admin.client.query(UPDATE, { id: organisation.id, input: { name: `${organisation.name}（更名）` } });
    expect(data.organisationUpdate.organisation).toMatchObject({ verificationStatus: 'PENDING', verifiedAt: null });
  });

  it('keeps a VERIFIED organisation verified when only its description changes', async () => {
    const organisation = await world.createOrganisation({ status: 'VERIFIED' });
    const data = await world.people.admin.client.query(UPDATE, { id: organisation.id, input: { description: '新的简介' } });
    expect(data.organisationUpdate.organisation.verificationStatus).toBe('VERIFIED');
  });

  it('refuses a parent below the organisation itself (no cycles)', async () => {
    const top = await world.createOrganisation();
    const below = await insertOrganisation(server, { name: '下属单位', regionUuid: world.regions.villageA.uuid, parentUuid: top.uuid });
    const self = await world.people.admin.client.query(UPDATE, { id: top.id, input: { parentId: top.id } });
    expect(self.organisationUpdate.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'parentId'] }]);
    const cycle = await world.people.admin.client.query(UPDATE, { id: top.id, input: { parentId: below.id } });
    expect(cycle.organisationUpdate.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'parentId'] }]);
  });

  it('refuses a name another organisation of the region has', async () => {
    const first = await world.createOrganisation();
    const second = await world.createOrganisation();
    const before = await countRows(server, 'activity_entry');
    const data = await world.people.admin.client.query(UPDATE, { id: second.id, input: { name: first.name } });
    expect(data.organisationUpdate.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'name'] }]);
    expect(await countRows(server, 'activity_entry')).toBe(before);
  });

  it('answers NOT_FOUND for an id that is not an organisation', async () => {
    const data = await world.people.admin.client.query(UPDATE, { id: world.regions.villageA.id, input: { description: 'x' } });
    expect(data.organisationUpdate.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
  });
});

describe('organisationVerify', () => {
  it('lets a region administrator verify an organisation in their subtree', async () => {
    const organisation = await world.createOrganisation();
    const before = await activityCount('organisation.verified');
    server.clock.set('2026-11-21T03:00:00.000Z');
    const data = await world.people.regionAdmin.client.query(VERIFY, { id: organisation.id, input: { decision: 'VERIFY' } });
    expect(data.organisationVerify).toEqual({
      organisation: { id: organisation.id, verificationStatus: 'VERIFIED', verifiedAt: '2026-11-21T03:00:00.000Z', verificationNote: null },
      userErrors: [],
    });
    expect(await activityCount('organisation.verified')).toBe(before + 1);
    const [row] = await server.sql<{ verified_by_id: string }>('select verified_by_id from organisation where id = ?', [organisation.uuid]);
    expect(row!.verified_by_id).toBe(world.people.regionAdmin.uuid);
  });

  it('refuses an administrator of another township with FORBIDDEN and changes nothing', async () => {
    const organisation = await world.createOrganisation();
    const before = await countRows(server, 'activity_entry');
    const data = await world.people.otherRegionAdmin.client.query(VERIFY, { id: organisation.id, input: { decision: 'VERIFY' } });
    expect(data.organisationVerify).toEqual({ organisation: null, userErrors: [{ code: 'FORBIDDEN', field: null }] });
    const [row] = await server.sql<{ verification_status: string }>('select verification_status from organisation where id = ?', [
      organisation.uuid,
    ]);
    expect(row!.verification_status).toBe('PENDING');
    expect(await countRows(server, 'activity_entry')).toBe(before);
  });

  it('needs a note to reject, and records it', async () => {
    const organisation = await world.createOrganisation();
    const missing = await world.people.regionAdmin.client.query(VERIFY, { id: organisation.id, input: { decision: 'REJECT', note: ' ' } });
    expect(missing.organisationVerify.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'note'] }]);
    const before = await activityCount('organisation.rejected');
    const data = await world.people.regionAdmin.client.query(VERIFY, {
      id: organisation.id,
      input: { decision: 'REJECT', note: '营业执照与名称不符' },
    });
    expect(data.organisationVerify.organisation).toMatchObject({ verificationStatus: 'REJECTED', verificationNote: '营业执照与名称不符' });
    expect(await activityCount('organisation.rejected')).toBe(before + 1);
  });

  it('answers INVALID_STATE_TRANSITION when the organisation already has that status', async () => {
    const organisation = await world.createOrganisation({ status: 'VERIFIED' });
    const data = await world.people.platformAdmin.client.query(VERIFY, { id: organisation.id, input: { decision: 'VERIFY' } });
    expect(data.organisationVerify.userErrors).toEqual([{ code: 'INVALID_STATE_TRANSITION', field: ['input', 'decision'] }]);
  });

  it('lets a rejected organisation be verified later', async () => {
    const organisation = await world.createOrganisation({ status: 'REJECTED' });
    const data = await world.people.regionAdmin.client.query(VERIFY, { id: organisation.id, input: { decision: 'VERIFY' } });
    expect(data.organisationVerify.organisation.verificationStatus).toBe('VERIFIED');
  });
});

describe('organisation', () => {
  it('is public, with its children and member count', async () => {
    const parent = await world.createOrganisation({ name: '甲社区总会' });
    const child = await insertOrganisation(server, {
      name: '甲社区分会',
      regionUuid: world.regions.villageA.uuid,
      parentUuid: parent.uuid,
    });
    const data = await server
      .client()
      .query(
        `query ($id: ID!) { organisation(id: $id) { name memberCount viewerRole viewerCanUpdate members { totalCount } children { id parent { id } } } }`,
        { id: parent.id },
      );
    expect(data.organisation).toEqual({
      name: '甲社区总会',
      memberCount: 4,
      viewerRole: null,
      viewerCanUpdate: false,
      members: null,
      children: [{ id: child.id, parent: { id: parent.id } }],
    });
  });

  it('answers null for an unknown or malformed id', async () => {
    const data = await server.client().query(`{ a: organisation(id: "nonsense") { id } }`);
    expect(data.a).toBeNull();
    const other = await server.client().query(`query ($id: ID!) { organisation(id: $id) { id } }`, { id: world.regions.villageA.id });
    expect(other.organisation).toBeNull();
  });

  it('lists members, ADMINs first, page by page, to its members', async () => {
    const query = `query ($id: ID!, $after: String) { organisation(id: $id) { members(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { role person { name } } } } }`;
    const first = await world.people.member.client.query(query, { id: world.organisation.id });
    expect(first.organisation.members.totalCount).toBe(4);
    expect(first.organisation.members.nodes.map((node: { role: string }) => node.role)).toEqual(['ADMIN', 'COORDINATOR']);
    expect(first.organisation.members.pageInfo.hasNextPage).toBe(true);
    const second = await world.people.member.client.query(query, {
      id: world.organisation.id,
      after: first.organisation.members.pageInfo.endCursor,
    });
    expect(second.organisation.members.nodes.map((node: { role: string }) => node.role)).toEqual(['MEMBER', 'MEMBER']);
    expect(second.organisation.members.pageInfo.hasNextPage).toBe(false);
  });
});

describe('organisations', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const make = (name: string, regionUuid: string, kind: string, status: string, creditCode?: string) =>
      insertOrganisation(server, { name: `筛选-${name}`, regionUuid, kind, status, creditCode });
    ids = {
      gridEnterprise: (await make('网格企业', world.regions.gridA.uuid, 'ENTERPRISE', 'VERIFIED', '52530402MJ0000001T')).id,
      townshipParty: (await make('街道党委', world.regions.townshipA.uuid, 'PARTY_ORGANISATION', 'PENDING')).id,
      otherTownship: (await make('乙街道企业', world.regions.villageB.uuid, 'ENTERPRISE', 'REJECTED')).id,
    };
  });

  const names = async (filter: Record<string, unknown>) => {
    const data = await server
      .client()
      .query(`query ($filter: OrganisationFilter) { organisations(first: 100, filter: $filter) { nodes { id name } } }`, {
        filter: { search: '筛选-', ...filter },
      });
    return data.organisations.nodes.map((node: { id: string }) => node.id);
  };

  it('filters by region subtree, the region itself included', async () => {
    expect(await names({ regionId: world.regions.townshipA.id })).toEqual(expect.arrayContaining([ids.gridEnterprise, ids.townshipParty]));
    expect(await names({ regionId: world.regions.townshipA.id })).not.toContain(ids.otherTownship);
    expect(await names({ regionId: world.regions.gridA.id })).toEqual([ids.gridEnterprise]);
    expect(await names({ regionId: 'nonsense' })).toEqual([]);
  });

  it('filters by kind, verification and credit code', async () => {
    expect(await names({ kind: 'PARTY_ORGANISATION' })).toEqual([ids.townshipParty]);
    expect(await names({ verified: true })).toEqual([ids.gridEnterprise]);
    expect((await names({ verified: false })).sort()).toEqual([ids.townshipParty, ids.otherTownship].sort());
    expect(await names({ verificationStatus: 'REJECTED' })).toEqual([ids.otherTownship]);
    const byCode = await server.client().query(`{ organisations(filter: { search: "MJ0000001" }) { nodes { id } } }`);
    expect(byCode.organisations.nodes).toEqual([{ id: ids.gridEnterprise }]);
  });

  it('orders by name and pages with a cursor', async () => {
    const query = `query ($after: String) { organisations(first: 2, after: $after, filter: { search: "筛选-" }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`;
    const first = await server.client().query(query);
    const second = await server.client().query(query, { after: first.organisations.pageInfo.endCursor });
    const all = [...first.organisations.nodes, ...second.organisations.nodes].map((node: { name: string }) => node.name);
    expect(first.organisations.totalCount).toBe(3);
    expect(all).toEqual([...all].sort());
    expect(second.organisations.pageInfo.hasNextPage).toBe(false);
  });

  it('runs the same number of SQL statements for 5 and for 50 organisations with region, parent, memberCount and viewerCanUpdate', async () => {
    const parent = await insertOrganisation(server, { name: 'N1-上级', regionUuid: world.regions.townshipA.uuid });
    for (let index = 0; index < 60; index += 1) {
      const region = [world.regions.villageA, world.regions.gridA, world.regions.villageB][index % 3]!;
      const organisation = await insertOrganisation(server, {
        name: `N1-${String(index).padStart(2, '0')}`,
        regionUuid: region.uuid,
        parentUuid: index % 2 ? parent.uuid : null,
      });
      await insertMembership(server, world.people.admin, organisation, index % 4 ? 'MEMBER' : 'ADMIN');
    }
    const query = `query ($first: Int) { organisations(first: $first, filter: { search: "N1-" }) {
      nodes { name region { name organisationCount } parent { name } memberCount viewerRole viewerCanUpdate viewerCanVerify } } }`;
    const run = async (first: number) => {
      await world.people.regionAdmin.client.query('{ __typename }');
      server.statements.reset();
      const data = await world.people.regionAdmin.client.query(query, { first });
      expect(data.organisations.nodes).toHaveLength(first);
      return server.statements.count;
    };
    const few = await run(5);
    const many = await run(50);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
  });
});

describe('Region.organisationCount', () => {
  it('counts the organisations of the whole subtree in one grouped query for a page of regions', async () => {
    const before = await server
      .client()
      .query(`query ($id: ID!) { region(id: $id) { organisationCount } }`, { id: world.regions.townshipB.id });
    await insertOrganisation(server, { name: '乙社区新企业', regionUuid: world.regions.villageB.uuid });
    const after = await server
      .client()
      .query(`query ($id: ID!) { region(id: $id) { organisationCount } }`, { id: world.regions.townshipB.id });
    expect(after.region.organisationCount).toBe(before.region.organisationCount + 1);

    const district = world.regions.district.id;
    const query = `query ($first: Int, $within: ID) { regions(first: $first, filter: { withinId: $within }) { nodes { organisationCount } } }`;
    const client = server.client();
    server.statements.reset();
    await client.query(query, { first: 1, within: district });
    const one = server.statements.count;
    server.statements.reset();
    const all = await client.query(query, { first: 5, within: district });
    expect(server.statements.count).toBe(one);
    const [counted] = await server.sql<{ count: number }>(
      `select count(*)::int as count from organisation o join region r on r.id = o.region_id where r.path like ?`,
      [`${world.regions.district.path}%`],
    );
    expect(all.regions.nodes).toHaveLength(5);
    const top = await client.query(`query ($id: ID!) { region(id: $id) { organisationCount } }`, { id: district });
    expect(top.region.organisationCount).toBe(counted!.count);
  });
});
