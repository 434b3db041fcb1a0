import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { buildDashboardWorld, FROM, TO, type DashboardWorld } from '../support/dashboard-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { globalId } from '../support/tiny-world.js';

/** Hand-computed figures of the constructed world (see support/dashboard-world.ts) for January 2026 in China. */
let server: TestServer;
let world: DashboardWorld;

const DEMANDS =
  'received respondedOnTime resolved resolvedOnTime rated satisfied partly unsatisfied satisfactionRate reopened medianResolutionHours';
const FIGURES = `projects projectsByStatus { status count } needs pledges pledgesAccepted fundsAccepted deliveriesConfirmed fundsDelivered
  volunteerSignUpsCompleted volunteers volunteerHours demands { ${DEMANDS} }`;
const QUERY = `query ($regionId: ID!, $from: DateTime, $to: DateTime) {
  regionDashboard(regionId: $regionId, from: $from, to: $to) {
    region { id name viewerCanSeeDashboard ancestors { id name } } from to
    totals { ${FIGURES} }
    byRegion { region { id name } figures { ${FIGURES} } }
  }
}`;

type Figures = Record<string, unknown>;

async function dashboard(
  client: GraphQLClient,
  regionId: string,
  period: { from?: string | null; to?: string | null } = { from: FROM, to: TO },
) {
  return (await client.query(QUERY, { regionId, ...period })).regionDashboard;
}

const byStatus = (recruiting: number, active: number, completed: number, cancelled: number) => [
  { status: 'RECRUITING', count: recruiting },
  { status: 'ACTIVE', count: active },
  { status: 'COMPLETED', count: completed },
  { status: 'CANCELLED', count: cancelled },
];

const noDemands = {
  received: 0,
  respondedOnTime: 0,
  resolved: 0,
  resolvedOnTime: 0,
  rated: 0,
  satisfied: 0,
  partly: 0,
  unsatisfied: 0,
  satisfactionRate: null,
  reopened: 0,
  medianResolutionHours: null,
};

const TOWNSHIP_A: Figures = {
  projects: 3,
  projectsByStatus: byStatus(1, 1, 0, 1),
  needs: 2,
  pledges: 5,
  pledgesAccepted: 3,
  fundsAccepted: '42346.17',
  deliveriesConfirmed: 3,
  fundsDelivered: '20345.67',
  volunteerSignUpsCompleted: 4,
  volunteers: 3,
  volunteerHours: '10.75',
  demands: {
    received: 4,
    respondedOnTime: 3,
    resolved: 3,
    resolvedOnTime: 3,
    rated: 2,
    satisfied: 1,
    partly: 1,
    unsatisfied: 0,
    satisfactionRate: '1.0000',
    reopened: 0,
    medianResolutionHours: '30.0',
  },
};

beforeAll(async () => {
  server = await startTestServer({ demo: false, env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  world = await buildDashboardWorld(server);
});
afterAll(() => server?.stop());

describe('regionDashboard', () => {
  it('sums a street’s projects, needs, pledges, deliveries, volunteering and demands of the period', async () => {
    const result = await dashboard(world.people.regionAdmin.client, world.regions.townshipA.id);
    expect(result.region).toMatchObject({ id: world.regions.townshipA.id, name: '甲街道', viewerCanSeeDashboard: true });
    expect(result.from).toBe(FROM);
    expect(result.to).toBe(TO);
    expect(result.totals).toEqual(TOWNSHIP_A);
  });

  it('breaks the figures down by child region, every child listed', async () => {
    const result = await dashboard(world.people.regionAdmin.client, world.regions.townshipA.id);
    const rows = new Map(result.byRegion.map((row: { region: { id: string }; figures: Figures }) => [row.region.id, row.figures]));
    expect([...rows.keys()].sort()).toEqual([world.regions.villageA.id, world.villageA2.id].sort());
    // P1 serves both villages: its needs, pledges and deliveries count in each row, once in the total.
    expect(rows.get(world.regions.villageA.id)).toMatchObject({
      projects: 1,
      projectsByStatus: byStatus(0, 1, 0, 0),
      needs: 1,
      pledges: 3,
      pledgesAccepted: 3,
      fundsAccepted: '42346.17',
      deliveriesConfirmed: 3,
      fundsDelivered: '20345.67',
      volunteerSignUpsCompleted: 2,
      volunteers: 2,
      volunteerHours: '5.50',
      demands: {
        ...noDemands,
        received: 2,
        respondedOnTime: 2,
        resolved: 2,
        resolvedOnTime: 2,
        rated: 1,
        satisfied: 1,
        satisfactionRate: '1.0000',
        medianResolutionHours: '20.0',
      },
    });
    expect(rows.get(world.villageA2.id)).toMatchObject({
      projects: 2,
      projectsByStatus: byStatus(1, 1, 0, 0),
      needs: 2,
      pledges: 5,
      pledgesAccepted: 3,
      fundsAccepted: '42346.17',
      deliveriesConfirmed: 2,
      fundsDelivered: '12345.67',
      volunteerSignUpsCompleted: 2,
      volunteers: 2,
      volunteerHours: '5.25',
      demands: {
        ...noDemands,
        received: 2,
        respondedOnTime: 1,
        resolved: 1,
        resolvedOnTime: 1,
        rated: 1,
        partly: 1,
        satisfactionRate: '1.0000',
        medianResolutionHours: '50.0',
      },
    });
  });

  it('adds up across streets for the district (platform admin), a street’s row equal to its own dashboard', async () => {
    const platformAdmin = world.people.platformAdmin.client;
    const result = await dashboard(platformAdmin, world.regions.district.id);
    expect(result.totals).toEqual({
      ...TOWNSHIP_A,
      projects: 4,
      projectsByStatus: byStatus(1, 2, 0, 1),
      needs: 3,
      pledges: 6,
      pledgesAccepted: 4,
      fundsAccepted: '43346.17',
      volunteerSignUpsCompleted: 5,
      volunteerHours: '11.75',
    });
    const rows = new Map(result.byRegion.map((row: { region: { id: string }; figures: Figures }) => [row.region.id, row.figures]));
    expect(rows.get(world.regions.townshipA.id)).toEqual(TOWNSHIP_A);
    expect(rows.get(world.regions.townshipB.id)).toMatchObject({
      projects: 1,
      needs: 1,
      pledges: 1,
      pledgesAccepted: 1,
      fundsAccepted: '1000.00',
      deliveriesConfirmed: 0,
      fundsDelivered: '0.00',
      volunteerSignUpsCompleted: 1,
      volunteers: 1,
      volunteerHours: '1.00',
      demands: noDemands,
    });
  });

  it('shows the same demand figures as demandMetrics', async () => {
    const client = world.people.regionAdmin.client;
    const metrics = (
      await client.query(
        `query ($regionId: ID!, $from: DateTime!, $to: DateTime!) { demandMetrics(regionId: $regionId, from: $from, to: $to) { totals { ${DEMANDS} } } }`,
        {
          regionId: world.regions.townshipA.id,
          from: FROM,
          to: TO,
        },
      )
    ).demandMetrics;
    expect((await dashboard(client, world.regions.townshipA.id)).totals.demands).toEqual(metrics.totals);
  });

  it('defaults to the last 12 calendar months in China, the current one included', async () => {
    const client = world.people.regionAdmin.client;
    // 01:00 on 1 February in China is still January in UTC: the months are China's.
    server.clock.set('2026-01-31T17:00:00.000Z');
    try {
      const result = await dashboard(client, world.regions.townshipA.id, {});
      expect([result.from, result.to]).toEqual(['2025-02-28T16:00:00.000Z', '2026-02-28T16:00:00.000Z']);
      expect(result.totals.volunteerHours).toBe('12.75'); // S2 on 31 December counts now
      const fromOnly = await dashboard(client, world.regions.townshipA.id, { from: FROM });
      expect([fromOnly.from, fromOnly.to]).toEqual([FROM, '2026-12-31T16:00:00.000Z']);
      const toOnly = await dashboard(client, world.regions.townshipA.id, { to: TO });
      expect([toOnly.from, toOnly.to]).toEqual(['2025-01-31T16:00:00.000Z', TO]);
    } finally {
      server.clock.set('2026-11-21T02:00:00.000Z');
    }
  });

  it('refuses a reversed period, one longer than two years, and an unknown region (BAD_USER_INPUT)', async () => {
    const client = world.people.regionAdmin.client;
    const township = world.regions.townshipA.id;
    const refused = async (variables: Record<string, unknown>) => (await client.request(QUERY, variables)).errors?.[0];
    expect(await refused({ regionId: township, from: TO, to: FROM })).toMatchObject({
      message: 'The period must end after it starts (from before to)',
      extensions: { code: 'BAD_USER_INPUT', field: 'to' },
    });
    expect(await refused({ regionId: township, from: '2023-12-31T16:00:00.000Z', to: '2026-01-01T16:00:00.000Z' })).toMatchObject({
      message: 'The period may cover at most 731 days (two years)',
      extensions: { code: 'BAD_USER_INPUT', field: 'to' },
    });
    for (const regionId of [globalId('Region', '00000000-0000-4000-8000-000000000000'), 'not-an-id', world.organisation.id]) {
      expect(await refused({ regionId })).toMatchObject({
        message: 'No such region',
        extensions: { code: 'BAD_USER_INPUT', field: 'regionId' },
      });
    }
    // Exactly two years (2024 was a leap year: 731 days) is allowed.
    const twoYears = await dashboard(client, township, { from: '2023-12-31T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' });
    expect(twoYears.totals.pledges).toBe(2); // PL2 (28 December 2025) and PL7 (July 2025)
  });

  it('is for administrators of the region or above it and the platform admin; FORBIDDEN for others', async () => {
    const { people, regions } = world;
    const allowed = [
      [people.regionAdmin, regions.townshipA],
      [people.regionAdmin, regions.villageA],
      [people.regionAdmin, regions.gridA],
      [people.platformAdmin, regions.district],
      [people.platformAdmin, regions.townshipB],
    ] as const;
    for (const [person, region] of allowed) {
      expect((await dashboard(person.client, region.id)).region.id).toBe(region.id);
    }
    const forbidden = [
      [people.regionAdmin, regions.townshipB],
      [people.regionAdmin, regions.district],
      [people.otherRegionAdmin, regions.townshipA],
      [people.gridWorker, regions.gridA],
      [people.admin, regions.villageA],
      [people.resident, regions.gridA],
    ] as const;
    for (const [person, region] of forbidden) {
      const response = await person.client.request(QUERY, { regionId: region.id, from: FROM, to: TO });
      expect(response.errors?.[0]?.extensions?.code, `${person.name} on ${region.name}`).toBe('FORBIDDEN');
      expect(response.data?.regionDashboard ?? null).toBeNull();
    }
    const signedOut = await server.client().request(QUERY, { regionId: regions.townshipA.id });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tells the viewer which regions’ dashboards they may open', async () => {
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Region { id viewerCanSeeDashboard } } }`;
    const ids = [world.regions.district.id, world.regions.townshipA.id, world.regions.townshipB.id, world.regions.gridA.id];
    const seen = async (client: GraphQLClient) =>
      (await client.query(query, { ids })).nodes.map((node: { viewerCanSeeDashboard: boolean }) => node.viewerCanSeeDashboard);
    expect(await seen(world.people.regionAdmin.client)).toEqual([false, true, false, true]);
    expect(await seen(world.people.gridWorker.client)).toEqual([false, false, false, false]);
    expect(await seen(world.people.platformAdmin.client)).toEqual([true, true, true, true]);
  });

  it('never shows personal data: no person, organisation or ticket is named', async () => {
    const result = JSON.stringify(await dashboard(world.people.platformAdmin.client, world.regions.district.id));
    for (const name of [
      ...world.volunteers.map((volunteer) => volunteer.name),
      world.people.resident.name,
      world.people.resident.phone,
      world.organisation.name,
      '构造的点单',
      '甲社区党支部',
    ]) {
      expect(result).not.toContain(name);
    }
  });

  it('takes the same small number of SQL statements for a street and for a district', async () => {
    const count = async (client: GraphQLClient, regionId: string) => {
      server.statements.reset();
      await dashboard(client, regionId);
      return { total: server.statements.count, log: server.statements.log };
    };
    const township = await count(world.people.regionAdmin.client, world.regions.townshipA.id);
    const district = await count(world.people.platformAdmin.client, world.regions.district.id);
    const village = await count(world.people.regionAdmin.client, world.regions.villageA.id);
    // The session with the actor, region, children, ancestors (none above the district), and the two counting statements.
    expect(township.total).toBe(6);
    expect(village.total).toBe(township.total);
    expect(district.total).toBe(township.total - 1);
    // The figures themselves come from two statements: collaboration and the demand metrics one.
    expect(township.log.filter((sql) => /service_hours_entry/.test(sql))).toHaveLength(1);
    expect(township.log.filter((sql) => /demand_ticket/.test(sql))).toHaveLength(1);
  });
});
