import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildTinyWorld, countRows, insertOrganisation, signUp, uniquePhone, type Role, type TinyWorld } from '../support/tiny-world.js';

let server: TestServer;
let world: TinyWorld;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  world = await buildTinyWorld(server);
  await server.sql(`update person set email = ?, address = ? where id = ?`, [
    'subject@example.cn',
    '甲街道幸福路1号3栋',
    world.people.subject.uuid,
  ]);
});
afterAll(() => server?.stop());

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('Person.phone', () => {
  const seers: [string, Role][] = [
    ['the person themself', 'subject'],
    ['an ADMIN of an organisation they belong to', 'admin'],
    ['a REGION_ADMIN above where they live', 'regionAdmin'],
    ['the grid worker of their grid', 'gridWorker'],
    ['the platform admin', 'platformAdmin'],
  ];
  const strangers: [string, Role][] = [
    ['a resident of the same grid', 'resident'],
    ['a fellow MEMBER', 'member'],
    ['a COORDINATOR of their organisation', 'coordinator'],
    ['a REGION_ADMIN of another township', 'otherRegionAdmin'],
  ];
  const query = `query ($id: ID!) {
    person(id: $id) { phone email address viewerCanSeePersonalData }
    node(id: $id) { ... on Person { phone email address } }
    nodes(ids: [$id]) { ... on Person { phone } }
  }`;

  it.each(seers)('is unmasked for %s, through person, node and nodes alike', async (_who, role) => {
    const data = await world.people[role].client.query(query, { id: world.people.subject.id });
    expect(data.person).toEqual({
      phone: world.people.subject.phone,
      email: 'subject@example.cn',
      address: '甲街道幸福路1号3栋',
      viewerCanSeePersonalData: true,
    });
    expect(data.node).toEqual({ phone: world.people.subject.phone, email: 'subject@example.cn', address: '甲街道幸福路1号3栋' });
    expect(data.nodes).toEqual([{ phone: world.people.subject.phone }]);
  });

  it.each(strangers)('is masked (138****1234) for %s, through person, node and nodes alike', async (_who, role) => {
    const data = await world.people[role].client.query(query, { id: world.people.subject.id });
    expect(data.person).toEqual({
      phone: masked(world.people.subject.phone),
      email: 's***@example.cn',
      address: '甲街道幸福路****',
      viewerCanSeePersonalData: false,
    });
    expect(data.node).toEqual({ phone: masked(world.people.subject.phone), email: 's***@example.cn', address: '甲街道幸福路****' });
    expect(data.nodes).toEqual([{ phone: masked(world.people.subject.phone) }]);
  });

  it('is masked in an organisation member list for a fellow member, unmasked for its ADMIN', async () => {
    const query = `query ($id: ID!) { organisation(id: $id) { members(first: 10) { nodes { person { id phone } } } } }`;
    const phoneOfSubject = async (client: GraphQLClient) => {
      const data = await client.query(query, { id: world.organisation.id });
      return data.organisation.members.nodes.find((node: { person: { id: string } }) => node.person.id === world.people.subject.id).person
        .phone;
    };
    expect(await phoneOfSubject(world.people.member.client)).toBe(masked(world.people.subject.phone));
    expect(await phoneOfSubject(world.people.admin.client)).toBe(world.people.subject.phone);
  });
});

describe('person', () => {
  it('is null for a signed-out caller, also through node', async () => {
    const data = await server
      .client()
      .query(`query ($id: ID!) { person(id: $id) { id } node(id: $id) { id } }`, { id: world.people.subject.id });
    expect(data).toEqual({ person: null, node: null });
  });

  it('is null for an id of another type or an unknown person', async () => {
    const data = await world.people.resident.client.query(`query ($a: ID!) { a: person(id: $a) { id } b: person(id: "nope") { id } }`, {
      a: world.organisation.id,
    });
    expect(data).toEqual({ a: null, b: null });
  });

  it('shows the 双报到 party organisations and whether the viewer may edit', async () => {
    const person = await signUp(server, '双报到党员', uniquePhone());
    const home = await insertOrganisation(server, {
      name: '单位党支部',
      kind: 'PARTY_ORGANISATION',
      regionUuid: world.regions.townshipA.uuid,
    });
    const residence = await insertOrganisation(server, {
      name: '社区党支部',
      kind: 'PARTY_ORGANISATION',
      regionUuid: world.regions.villageA.uuid,
    });
    const update = await person.client.query(
      `mutation ($id: ID!, $input: PersonUpdateInput!) { personUpdate(id: $id, input: $input) {
        person { viewerCanUpdate partyHomeOrganisation { id } partyResidenceOrganisation { id } } userErrors { code field } } }`,
      { id: person.id, input: { partyHomeOrganisationId: home.id, partyResidenceOrganisationId: residence.id, tags: ['PARTY_MEMBER'] } },
    );
    expect(update.personUpdate).toEqual({
      person: { viewerCanUpdate: true, partyHomeOrganisation: { id: home.id }, partyResidenceOrganisation: { id: residence.id } },
      userErrors: [],
    });
    const stranger = await world.people.resident.client.query(`query ($id: ID!) { person(id: $id) { viewerCanUpdate } }`, {
      id: person.id,
    });
    expect(stranger.person.viewerCanUpdate).toBe(false);
  });
});

describe('people', () => {
  const query = `query ($filter: PersonFilter) { people(first: 100, filter: $filter) { totalCount nodes { id phone } } }`;
  const ids = async (role: Role, filter: Record<string, unknown> = {}) => {
    const data = await world.people[role].client.query(query, { filter });
    return data.people.nodes.map((node: { id: string }) => node.id) as string[];
  };

  it('refuses a resident with a top-level FORBIDDEN', async () => {
    const response = await world.people.resident.client.request(query);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
  });

  it('gives a region administrator the residents of their township only, unmasked', async () => {
    const data = await world.people.regionAdmin.client.query(query, { filter: {} });
    const found = data.people.nodes.map((node: { id: string }) => node.id);
    expect(found).toContain(world.people.subject.id);
    expect(found).not.toContain(world.people.otherRegionAdmin.id);
    const subject = data.people.nodes.find((node: { id: string }) => node.id === world.people.subject.id);
    expect(subject.phone).toBe(world.people.subject.phone);
  });

  it("gives the other township's administrator none of township A's residents", async () => {
    const found = await ids('otherRegionAdmin');
    expect(found).toEqual([world.people.otherRegionAdmin.id]);
  });

  it('gives the grid worker the residents of their grid, and the platform admin everyone', async () => {
    expect(await ids('gridWorker')).toContain(world.people.subject.id);
    expect(await ids('gridWorker')).not.toContain(world.people.otherRegionAdmin.id);
    expect(await ids('platformAdmin')).toEqual(expect.arrayContaining([world.people.subject.id, world.people.otherRegionAdmin.id]));
  });

  it('filters by name, exact phone, tag and region, inside the caller’s scope', async () => {
    expect(await ids('regionAdmin', { search: '被查看' })).toEqual([world.people.subject.id]);
    expect(await ids('regionAdmin', { search: world.people.subject.phone })).toEqual([world.people.subject.id]);
    expect(await ids('regionAdmin', { search: world.people.subject.phone.slice(0, 7) })).toEqual([]);
    expect(await ids('platformAdmin', { regionId: world.regions.townshipB.id })).toEqual([world.people.otherRegionAdmin.id]);
    expect(await ids('otherRegionAdmin', { regionId: world.regions.townshipA.id })).toEqual([]);
    await server.sql(`update person set tags = '{RESIDENT,VOLUNTEER}' where id = ?`, [world.people.resident.uuid]);
    expect(await ids('regionAdmin', { tag: 'VOLUNTEER' })).toEqual([world.people.resident.id]);
  });

  it('leaves out erased accounts', async () => {
    const person = await signUp(server, '将注销的人', uniquePhone());
    await server.sql(`update person set residence_region_id = ?, deleted_at = now() where id = ?`, [world.regions.gridA.uuid, person.uuid]);
    expect(await ids('platformAdmin')).not.toContain(person.id);
  });
});

describe('personUpdate', () => {
  const UPDATE = `mutation ($id: ID!, $input: PersonUpdateInput!) {
    personUpdate(id: $id, input: $input) {
      person { name phone email address skills tags democraticParty residenceRegion { id } }
      userErrors { code field }
    }
  }`;

  it('updates the own profile and records one entry naming the changed fields only', async () => {
    const person = await signUp(server, '改资料的人', uniquePhone());
    const before = await countRows(server, 'activity_entry');
    const newPhone = uniquePhone();
    const data = await person.client.query(UPDATE, {
      id: person.id,
      input: {
        name: ' 新名字 ',
        phone: `+86 ${newPhone}`,
        email: 'New@Example.CN',
        address: '甲街道幸福路2号',
        residenceRegionId: world.regions.gridA.id,
        skills: ['法律咨询', ' 法律咨询 ', '', '心理疏导'],
        tags: ['VOLUNTEER', 'VOLUNTEER'],
        democraticParty: 'JIUSAN',
      },
    });
    expect(data.personUpdate).toEqual({
      person: {
        name: '新名字',
        phone: newPhone,
        email: 'new@example.cn',
        address: '甲街道幸福路2号',
        skills: ['法律咨询', '心理疏导'],
        tags: ['VOLUNTEER'],
        democraticParty: 'JIUSAN',
        residenceRegion: { id: world.regions.gridA.id },
      },
      userErrors: [],
    });
    expect(await countRows(server, 'activity_entry')).toBe(before + 1);
    const [entry] = await server.sql<{ action: string; after: { fields: string[] }; before: unknown }>(
      'select action, after, before from activity_entry order by created_at desc, id desc limit 1',
    );
    expect(entry!.action).toBe('person.updated');
    expect(entry!.before).toBeNull();
    expect(entry!.after.fields.sort()).toEqual([
      'address',
      'democraticParty',
      'email',
      'name',
      'phone',
      'residenceRegion',
      'skills',
      'tags',
    ]);
    expect(JSON.stringify(entry)).not.toContain(newPhone);
    // The new phone signs in.
    await server.signedIn(newPhone, 'tiny-world-password');
  });

  it.each([
    ['a phone that is no mobile number', { phone: '12345' }, 'INVALID', ['input', 'phone']],
    ['an invalid email', { email: 'not-an-email' }, 'INVALID', ['input', 'email']],
    ['a phone another account uses', () => ({ phone: world.people.resident.phone }), 'ALREADY_EXISTS', ['input', 'phone']],
    ['an empty name', { name: '' }, 'REQUIRED', ['input', 'name']],
    ['a name over 50 characters', { name: '名'.repeat(51) }, 'TOO_LONG', ['input', 'name']],
    ['a skill over 30 characters', { skills: ['短', '长'.repeat(31)] }, 'TOO_LONG', ['input', 'skills', '1']],
    ['21 skills', { skills: Array.from({ length: 21 }, (_, index) => `技能${index}`) }, 'TOO_LONG', ['input', 'skills']],
    ['an unknown residence region', () => ({ residenceRegionId: world.organisation.id }), 'NOT_FOUND', ['input', 'residenceRegionId']],
    [
      'a party organisation that is an enterprise',
      () => ({ partyHomeOrganisationId: world.organisation.id }),
      'INVALID',
      ['input', 'partyHomeOrganisationId'],
    ],
    ['removing the only way to sign in', { phone: null }, 'REQUIRED', ['input', 'phone']],
  ])('refuses %s with %s and changes nothing', async (_case, input, code, field) => {
    const person = world.people.newcomer;
    const [before] = await server.sql('select * from person where id = ?', [person.uuid]);
    const entries = await countRows(server, 'activity_entry');
    const data = await person.client.query(UPDATE, { id: person.id, input: typeof input === 'function' ? input() : input });
    expect(data.personUpdate).toEqual({ person: null, userErrors: [{ code, field }] });
    expect((await server.sql('select * from person where id = ?', [person.uuid]))[0]).toEqual(before);
    expect(await countRows(server, 'activity_entry')).toBe(entries);
  });

  it("refuses to edit someone else's profile, but lets the platform admin correct it", async () => {
    const refused = await world.people.regionAdmin.client.query(UPDATE, { id: world.people.newcomer.id, input: { name: '被改名' } });
    expect(refused.personUpdate.userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    const corrected = await world.people.platformAdmin.client.query(UPDATE, {
      id: world.people.newcomer.id,
      input: { skills: ['修电器'] },
    });
    expect(corrected.personUpdate).toMatchObject({ person: { skills: ['修电器'] }, userErrors: [] });
  });
});

describe('viewer', () => {
  it('lists administered regions, grids worked and whether the viewer verifies organisations', async () => {
    const query = `{ viewer { administeredRegions { id } gridRegions { id } canVerifyOrganisations isPlatformAdmin } }`;
    expect((await world.people.regionAdmin.client.query(query)).viewer).toEqual({
      administeredRegions: [{ id: world.regions.townshipA.id }],
      gridRegions: [],
      canVerifyOrganisations: true,
      isPlatformAdmin: false,
    });
    expect((await world.people.gridWorker.client.query(query)).viewer).toEqual({
      administeredRegions: [],
      gridRegions: [{ id: world.regions.gridA.id }],
      canVerifyOrganisations: false,
      isPlatformAdmin: false,
    });
    const platform = (await world.people.platformAdmin.client.query(query)).viewer;
    expect(platform.administeredRegions).toContainEqual({ id: world.regions.district.id });
    expect(platform.canVerifyOrganisations).toBe(true);
    expect((await world.people.resident.client.query(query)).viewer).toMatchObject({
      administeredRegions: [],
      canVerifyOrganisations: false,
    });
  });
});
