import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, demoIds, insertProjectNeed, submit, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let ids: DemoIds;
let social: GraphQLClient;
let volunteer: GraphQLClient;
let enterprise: GraphQLClient;
let officer: GraphQLClient;
let resident: GraphQLClient;
let gridWorker: GraphQLClient;
let otherTownship: string;

const OFFERING = 'id title description category kind active organisation { id } person { id } regions { id } viewerCanUpdate';

beforeAll(async () => {
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  [social, volunteer, enterprise, officer, resident, gridWorker] = await Promise.all(
    [ACCOUNTS.socialCoordinator, ACCOUNTS.volunteer, ACCOUNTS.enterprise, ACCOUNTS.officer, ACCOUNTS.resident, ACCOUNTS.gridWorker].map(
      (phone) => server.signedIn(phone),
    ),
  );
  const [township] = await server.sql<{ id: string }>(`select id from region where level = 'TOWNSHIP' and id <> ? order by name limit 1`, [
    uuidIn(ids.township),
  ]);
  otherTownship = toGlobalId('Region', township!.id);
});
afterAll(() => server?.stop());

async function create(client: GraphQLClient, input: Record<string, unknown>) {
  const data = await client.query(
    `mutation ($input: ServiceOfferingCreateInput!) { serviceOfferingCreate(input: $input) { serviceOffering { ${OFFERING} } userErrors { code field } } }`,
    { input: { title: '居家养老上门服务', category: 'ELDERLY_CARE', kind: 'CARE_SERVICE', regionIds: [ids.township], ...input } },
  );
  return data.serviceOfferingCreate as {
    serviceOffering: Record<string, any> | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}

async function update(client: GraphQLClient, id: string, input: Record<string, unknown>) {
  const data = await client.query(
    `mutation ($id: ID!, $input: ServiceOfferingUpdateInput!) { serviceOfferingUpdate(id: $id, input: $input) { serviceOffering { ${OFFERING} } userErrors { code field } } }`,
    { id, input },
  );
  return data.serviceOfferingUpdate as {
    serviceOffering: Record<string, any> | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}

async function list(filter: Record<string, unknown>): Promise<string[]> {
  const data = await resident.query('query ($f: ServiceOfferingFilter) { serviceOfferings(first: 100, filter: $f) { nodes { id } } }', {
    f: filter,
  });
  return data.serviceOfferings.nodes.map((node: { id: string }) => node.id);
}

describe('serviceOfferingCreate', () => {
  it('lists a service of the organisation for a coordinator, with one activity entry', async () => {
    const { serviceOffering, userErrors } = await create(social, { organisationId: ids.socialOrganisation, description: '每周二、四上门' });
    expect(userErrors).toEqual([]);
    expect(serviceOffering).toMatchObject({
      title: '居家养老上门服务',
      category: 'ELDERLY_CARE',
      kind: 'CARE_SERVICE',
      active: true,
      organisation: { id: ids.socialOrganisation },
      person: null,
      regions: [{ id: ids.township }],
      viewerCanUpdate: true,
    });
    const entries = await server.sql(
      `select on_behalf_of_id from activity_entry where action = 'serviceOffering.created' and subject_uuid = ?`,
      [uuidIn(serviceOffering!.id)],
    );
    expect(entries).toEqual([{ on_behalf_of_id: uuidIn(ids.socialOrganisation) }]);
  });

  it('lets a plain member offer their own expertise, but not the whole organisation’s (FORBIDDEN)', async () => {
    const self = toGlobalId('Person', ids.personUuids.volunteer);
    const own = await create(volunteer, {
      organisationId: ids.democraticPartyBody,
      personId: self,
      title: '法律咨询',
      category: 'LEGAL_HELP',
      kind: 'LEGAL_AID',
      regionIds: [ids.district],
    });
    expect(own.userErrors).toEqual([]);
    expect(own.serviceOffering).toMatchObject({ person: { id: self }, viewerCanUpdate: true });
    const whole = await create(volunteer, { organisationId: ids.democraticPartyBody, category: 'LEGAL_HELP', kind: 'LEGAL_AID' });
    expect(whole.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses someone who is not a member (FORBIDDEN), and an organisation that is not verified (ORGANISATION_NOT_VERIFIED)', async () => {
    expect((await create(officer, { organisationId: ids.socialOrganisation })).userErrors.map((error) => error.code)).toEqual([
      'FORBIDDEN',
    ]);
    const created = await officer.query(
      `mutation ($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id } userErrors { code } } }`,
      { input: { name: '玉湖社区助老志愿队', kind: 'SOCIAL_ORGANISATION', regionId: ids.community } },
    );
    const pending = created.organisationCreate.organisation.id;
    expect((await create(officer, { organisationId: pending })).userErrors).toEqual([
      { code: 'ORGANISATION_NOT_VERIFIED', field: ['input', 'organisationId'] },
    ]);
  });

  it.each([
    ['an empty title', { title: '' }, 'REQUIRED', ['input', 'title']],
    ['a title over 100 characters', { title: '服'.repeat(101) }, 'TOO_LONG', ['input', 'title']],
    ['no region', { regionIds: [] }, 'REQUIRED', ['input', 'regionIds']],
    ['an unknown region', { regionIds: ['unknown'] }, 'NOT_FOUND', ['input', 'regionIds', '0']],
    ['a person who is not a member', { personId: 'resident' }, 'INVALID', ['input', 'personId']],
    ['an unknown organisation', { organisationId: 'unknown' }, 'NOT_FOUND', ['input', 'organisationId']],
  ])('answers %s with %s', async (_case, input: Record<string, unknown>, code, field) => {
    const resolved = {
      organisationId: ids.socialOrganisation,
      ...input,
      ...(input.personId === 'resident' ? { personId: toGlobalId('Person', ids.personUuids.resident) } : {}),
    };
    const result = await create(social, resolved);
    expect(result.userErrors).toEqual([{ code, field }]);
    expect(result.serviceOffering).toBeNull();
  });
});

describe('serviceOfferingUpdate', () => {
  it('edits, moves and withdraws an offering', async () => {
    const { serviceOffering } = await create(social, { organisationId: ids.socialOrganisation });
    const edited = await update(social, serviceOffering!.id, { title: '助餐送餐', regionIds: [ids.community, ids.grid], active: false });
    expect(edited.userErrors).toEqual([]);
    expect(edited.serviceOffering).toMatchObject({ title: '助餐送餐', active: false });
    expect(edited.serviceOffering!.regions.map((region: { id: string }) => region.id).sort()).toEqual([ids.community, ids.grid].sort());
    const entries = await server.sql<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      `select before, after from activity_entry where action = 'serviceOffering.updated' and subject_uuid = ?`,
      [uuidIn(serviceOffering!.id)],
    );
    expect(entries).toHaveLength(1);
    expect(Object.keys(entries[0]!.after).sort()).toEqual(['active', 'regionIds', 'title']);
  });

  it('refuses others (FORBIDDEN), an unknown offering (NOT_FOUND) and an empty region list (REQUIRED)', async () => {
    const { serviceOffering } = await create(social, { organisationId: ids.socialOrganisation });
    expect((await update(enterprise, serviceOffering!.id, { active: false })).userErrors.map((error) => error.code)).toEqual(['FORBIDDEN']);
    expect((await update(social, ids.grid, { active: false })).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    expect((await update(social, serviceOffering!.id, { regionIds: [] })).userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'regionIds'] },
    ]);
  });
});

describe('serviceOfferings', () => {
  it('filters by organisation, category, kind, active and region (containing it, or inside it)', async () => {
    const township = (
      await create(social, { organisationId: ids.socialOrganisation, category: 'HEALTH', kind: 'HEALTH', title: '健康讲座' })
    ).serviceOffering!.id;
    const grid = (
      await create(social, { organisationId: ids.socialOrganisation, category: 'HEALTH', kind: 'HEALTH', regionIds: [ids.grid] })
    ).serviceOffering!.id;
    const elsewhere = (
      await create(social, { organisationId: ids.socialOrganisation, category: 'HEALTH', kind: 'HEALTH', regionIds: [otherTownship] })
    ).serviceOffering!.id;
    const withdrawn = (await create(social, { organisationId: ids.socialOrganisation, category: 'HEALTH', kind: 'HEALTH', active: false }))
      .serviceOffering!.id;

    const inGrid = await list({ regionId: ids.grid, category: 'HEALTH' });
    expect(inGrid).toEqual(expect.arrayContaining([township, grid, withdrawn]));
    expect(inGrid).not.toContain(elsewhere);
    const inTownship = await list({ regionId: ids.township, category: 'HEALTH', active: true });
    expect(inTownship).toEqual(expect.arrayContaining([township, grid]));
    expect(inTownship).not.toContain(withdrawn);
    expect(inTownship).not.toContain(elsewhere);
    expect(await list({ organisationId: ids.enterprise, category: 'HEALTH' })).toEqual([]);
    expect(await list({ kind: 'LEGAL_AID', category: 'HEALTH' })).toEqual([]);
  });

  it('appear on the organisation, available ones first', async () => {
    const data = await resident.query(
      'query ($id: ID!) { organisation(id: $id) { serviceOfferings(first: 100) { totalCount nodes { active } } } }',
      {
        id: ids.socialOrganisation,
      },
    );
    const actives = data.organisation.serviceOfferings.nodes.map((node: { active: boolean }) => node.active);
    expect(actives.length).toBeGreaterThan(1);
    expect(actives).toEqual([...actives].sort((a, b) => Number(b) - Number(a)));
  });
});

describe('demandMatches', () => {
  it('suggests offerings of the category covering the grid, most local first, then projects with open needs there', async () => {
    const make = async (organisationId: string, regionIds: string[], extra: Record<string, unknown> = {}) => {
      const result = await create(social, {
        organisationId,
        regionIds,
        category: 'CHILDCARE',
        kind: 'CARE_SERVICE',
        title: '四点半课堂',
        ...extra,
      });
      expect(result.userErrors).toEqual([]);
      return result.serviceOffering!.id;
    };
    const district = await make(ids.socialOrganisation, [ids.district]);
    const grid = await make(ids.socialOrganisation, [ids.grid, otherTownship]);
    const community = await make(ids.socialOrganisation, [ids.community]);
    const elsewhere = await make(ids.socialOrganisation, [otherTownship]);
    const inactive = await make(ids.socialOrganisation, [ids.grid], { active: false });
    const otherCategory = await make(ids.socialOrganisation, [ids.grid], { category: 'HEALTH' });
    const { needUuid, projectUuid, leadUuid } = await insertProjectNeed(server, {
      regionUuid: uuidIn(ids.community),
      category: 'EMPLOYMENT',
    });

    const ticket = await submit(resident, { category: 'CHILDCARE', description: '双职工家庭孩子放学后无人照看' });
    const data = await gridWorker.query(
      `query ($id: ID!) { demandMatches(demandId: $id) {
        source categoryMatches organisation { id } coveringRegion { id } serviceOffering { id } project { id } need { id } } }`,
      { id: ticket.id },
    );
    // The demo district has offerings of its own; the order is checked among the ones made here.
    const mine = new Set([district, grid, community, elsewhere, inactive, otherCategory]);
    const offerings = data.demandMatches.filter(
      (match: { source: string; serviceOffering: { id: string } | null }) =>
        match.source === 'SERVICE_OFFERING' && mine.has(match.serviceOffering!.id),
    );
    expect(offerings.map((match: { serviceOffering: { id: string } }) => match.serviceOffering.id)).toEqual([grid, community, district]);
    expect(offerings[0]).toMatchObject({
      coveringRegion: { id: ids.grid },
      organisation: { id: ids.socialOrganisation },
      categoryMatches: true,
    });
    for (const excluded of [elsewhere, inactive, otherCategory]) {
      expect(JSON.stringify(data.demandMatches)).not.toContain(excluded);
    }
    // Project needs come after every offering; the demo district has open needs of its own there too.
    const sources: string[] = data.demandMatches.map((match: { source: string }) => match.source);
    expect(sources.lastIndexOf('SERVICE_OFFERING')).toBeLessThan(sources.indexOf('PROJECT_NEED'));
    expect(data.demandMatches).toContainEqual({
      source: 'PROJECT_NEED',
      categoryMatches: false,
      organisation: { id: toGlobalId('Organisation', leadUuid) },
      coveringRegion: { id: ids.community },
      serviceOffering: null,
      project: { id: toGlobalId('Project', projectUuid) },
      need: { id: toGlobalId('Need', needUuid) },
    });
  });

  it('answers an empty list for an unknown ticket', async () => {
    const data = await gridWorker.query('query ($id: ID!) { demandMatches(demandId: $id) { source } }', { id: ids.grid });
    expect(data.demandMatches).toEqual([]);
  });
});
