import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { ACCOUNTS, DAY, demoIds, HOUR, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * A constructed data set with answers worked out by hand. Period: January 2026. Grids G1 and G2 lie in
 * 玉湖社区 (V1) of 玉兴街道 (T); G3 in another village V2 of T; G4 in another street. E = the enterprise,
 * S = the social organisation.
 *
 *  #  grid  status          responded  resolved   final rating  reopened  org
 *  1  G1    RATED           on time    on time    SATISFIED     0         E
 *  2  G1    RATED           late       on time    PARTLY        0         E
 *  3  G1    RATED           on time    late       UNSATISFIED   1         S
 *  4  G1    SUBMITTED       -          -          -             0         -
 *  5  G2    CLOSED_UNRATED  on time    late       -             0         S
 *  6  G2    ACCEPTED (r2)   on time    - (reopened, UNSATISFIED not final)  1  E
 *  7  G2    DISPATCHED      -          -          -             0         S (assigned)
 *  8  G3    RATED           on time    on time    SATISFIED     0         E
 *  9  G3    REJECTED        -          -          -             0         -
 * 12  G1    RESOLVED        on time    on time    -             0         E   (submitted exactly at `from`)
 * 10  G1    before the period; 11  G1 exactly at `to` (excluded); 13  G4 in the period (another street)
 */
let server: TestServer;
let ids: DemoIds;
let regionAdmin: GraphQLClient;
let gridWorker: GraphQLClient;
let resident: GraphQLClient;
const region: Record<string, string> = {};

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2026-02-01T00:00:00.000Z';
const FIGURES = 'received respondedOnTime resolved resolvedOnTime rated satisfied partly unsatisfied satisfactionRate reopened';
const QUERY = `query ($regionId: ID!, $from: DateTime!, $to: DateTime!) {
  demandMetrics(regionId: $regionId, from: $from, to: $to) {
    region { id } from to
    totals { ${FIGURES} }
    byRegion { region { id name } ${FIGURES} }
    byOrganisation { organisation { id } ${FIGURES} }
  }
}`;

interface Row {
  grid: string;
  at: string;
  status: string;
  respondedLate?: boolean;
  responded?: boolean;
  resolved?: 'on time' | 'late';
  rating?: string;
  reopened?: number;
  owner?: string;
  assigned?: string;
}

async function insertTicket(row: Row): Promise<void> {
  const created = new Date(row.at).getTime();
  const responseDue = new Date(created + 24 * HOUR);
  const resolutionDue = new Date(created + 7 * DAY);
  const respondedAt = row.responded === false ? null : row.respondedLate ? new Date(created + 30 * HOUR) : new Date(created + 2 * HOUR);
  const resolvedAt =
    row.resolved === 'on time' ? new Date(created + 3 * DAY) : row.resolved === 'late' ? new Date(created + 8 * DAY) : null;
  await server.sql(
    `insert into demand_ticket (id, created_at, updated_at, resident_id, submitted_by_id, channel, grid_id, category, description,
       contact_name, contact_preference, evidence_urls, resolution_evidence_urls, status, round, response_due_at, resolution_due_at,
       responded_at, resolved_at, rating, reopened_count, owner_organisation_id, assigned_organisation_id)
     values (gen_random_uuid(), ?, ?, ?, ?, 'ONLINE', ?, 'OTHER', '构造的数据', '测试', 'PHONE_CALL', '{}', '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      new Date(row.at),
      new Date(row.at),
      ids.personUuids.resident,
      ids.personUuids.resident,
      region[row.grid],
      row.status,
      (row.reopened ?? 0) + 1,
      responseDue,
      resolutionDue,
      row.status === 'SUBMITTED' || row.status === 'REJECTED' || row.responded === false ? null : respondedAt,
      resolvedAt,
      row.rating ?? null,
      row.reopened ?? 0,
      row.owner ?? null,
      row.assigned ?? row.owner ?? null,
    ],
  );
}

beforeAll(async () => {
  server = await startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  ids = await demoIds(server);
  [regionAdmin, gridWorker, resident] = await Promise.all(
    [ACCOUNTS.regionAdmin, ACCOUNTS.gridWorker, ACCOUNTS.resident].map((phone) => server.signedIn(phone)),
  );
  const one = async (sql: string, params: unknown[]) => (await server.sql<{ id: string }>(sql, params))[0]!.id;
  region.T = uuidIn(ids.township);
  region.V1 = uuidIn(ids.community);
  region.G1 = uuidIn(ids.grid);
  region.G2 = uuidIn(ids.otherGrid);
  region.V2 = await one(`select id from region where parent_id = ? and id <> ? order by name limit 1`, [region.T, region.V1]);
  region.G3 = await one(`select id from region where parent_id = ? and level = 'GRID' order by name limit 1`, [region.V2]);
  region.G4 = await one(
    `select g.id from region g join region v on v.id = g.parent_id join region t on t.id = v.parent_id
      where g.level = 'GRID' and t.level = 'TOWNSHIP' and t.id <> ? order by g.path limit 1`,
    [region.T],
  );
  const E = uuidIn(ids.enterprise);
  const S = uuidIn(ids.socialOrganisation);
  const rows: Row[] = [
    { grid: 'G1', at: '2026-01-05T01:00:00Z', status: 'RATED', resolved: 'on time', rating: 'SATISFIED', owner: E },
    { grid: 'G1', at: '2026-01-06T01:00:00Z', status: 'RATED', respondedLate: true, resolved: 'on time', rating: 'PARTLY', owner: E },
    { grid: 'G1', at: '2026-01-07T01:00:00Z', status: 'RATED', resolved: 'late', rating: 'UNSATISFIED', reopened: 1, owner: S },
    { grid: 'G1', at: '2026-01-08T01:00:00Z', status: 'SUBMITTED', responded: false },
    { grid: 'G2', at: '2026-01-09T01:00:00Z', status: 'CLOSED_UNRATED', resolved: 'late', owner: S },
    { grid: 'G2', at: '2026-01-10T01:00:00Z', status: 'ACCEPTED', rating: 'UNSATISFIED', reopened: 1, owner: E },
    { grid: 'G2', at: '2026-01-11T01:00:00Z', status: 'DISPATCHED', responded: false, assigned: S },
    { grid: 'G3', at: '2026-01-12T01:00:00Z', status: 'RATED', resolved: 'on time', rating: 'SATISFIED', owner: E },
    { grid: 'G3', at: '2026-01-13T01:00:00Z', status: 'REJECTED', responded: false },
    { grid: 'G1', at: '2025-12-31T23:59:59Z', status: 'RATED', resolved: 'on time', rating: 'SATISFIED', owner: E },
    { grid: 'G1', at: TO, status: 'RATED', resolved: 'on time', rating: 'SATISFIED', owner: E },
    { grid: 'G1', at: FROM, status: 'RESOLVED', resolved: 'on time', owner: E },
    { grid: 'G4', at: '2026-01-20T01:00:00Z', status: 'RATED', resolved: 'on time', rating: 'SATISFIED', owner: E },
  ];
  for (const row of rows) {
    await insertTicket(row);
  }
});
afterAll(() => server?.stop());

async function metrics(client: GraphQLClient, regionUuidOrId: string) {
  const regionId = regionUuidOrId.includes('-') ? Buffer.from(`Region:${regionUuidOrId}`).toString('base64url') : regionUuidOrId;
  return (await client.query(QUERY, { regionId, from: FROM, to: TO })).demandMetrics;
}

const zero = {
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
};

describe('demandMetrics', () => {
  it('counts the street’s tickets of the period, in total', async () => {
    const result = await metrics(regionAdmin, ids.township);
    expect(result.totals).toEqual({
      received: 10,
      respondedOnTime: 6,
      resolved: 6,
      resolvedOnTime: 4,
      rated: 4,
      satisfied: 2,
      partly: 1,
      unsatisfied: 1,
      satisfactionRate: '0.7500',
      reopened: 2,
    });
    expect(result.from).toBe(FROM);
    expect(result.to).toBe(TO);
  });

  it('counts per child region, listing every child (zeros included)', async () => {
    const result = await metrics(regionAdmin, ids.township);
    const byId = new Map(result.byRegion.map((row: { region: { id: string } }) => [uuidIn(row.region.id), row]));
    const children = await server.sql(`select id from region where parent_id = ?`, [region.T]);
    expect(result.byRegion).toHaveLength(children.length);
    expect(byId.get(region.V1)).toMatchObject({
      received: 8,
      respondedOnTime: 5,
      resolved: 5,
      resolvedOnTime: 3,
      rated: 3,
      satisfied: 1,
      partly: 1,
      unsatisfied: 1,
      satisfactionRate: '0.6667',
      reopened: 2,
    });
    expect(byId.get(region.V2)).toMatchObject({
      received: 2,
      respondedOnTime: 1,
      resolved: 1,
      resolvedOnTime: 1,
      rated: 1,
      satisfied: 1,
      partly: 0,
      unsatisfied: 0,
      satisfactionRate: '1.0000',
      reopened: 0,
    });
    const others = result.byRegion.filter((row: { region: { id: string } }) => ![region.V1, region.V2].includes(uuidIn(row.region.id)));
    for (const row of others) {
      expect(row).toMatchObject(zero);
    }
  });

  it('counts per organisation (owner, or the one dispatched to), most received first', async () => {
    const result = await metrics(regionAdmin, ids.township);
    expect(result.byOrganisation.map((row: { organisation: { id: string } }) => row.organisation.id)).toEqual([
      ids.enterprise,
      ids.socialOrganisation,
    ]);
    expect(result.byOrganisation[0]).toMatchObject({
      received: 5,
      respondedOnTime: 4,
      resolved: 4,
      resolvedOnTime: 4,
      rated: 3,
      satisfied: 2,
      partly: 1,
      unsatisfied: 0,
      satisfactionRate: '1.0000',
      reopened: 1,
    });
    expect(result.byOrganisation[1]).toMatchObject({
      received: 3,
      respondedOnTime: 2,
      resolved: 2,
      resolvedOnTime: 0,
      rated: 1,
      satisfied: 0,
      partly: 0,
      unsatisfied: 1,
      satisfactionRate: '0.0000',
      reopened: 1,
    });
  });

  it('drills down to the grids of a community and up to the district', async () => {
    const community = await metrics(regionAdmin, ids.community);
    expect(community.totals.received).toBe(8);
    const grids = new Map<string, number>(
      community.byRegion.map((row: { region: { id: string }; received: number }) => [uuidIn(row.region.id), row.received]),
    );
    expect(grids.get(region.G1)).toBe(5);
    expect(grids.get(region.G2)).toBe(3);
    expect([...grids.values()].reduce((sum, value) => sum + value, 0)).toBe(8);
    const platformAdmin = await server.signedIn('13800000001');
    const district = await metrics(platformAdmin, ids.district);
    expect(district.totals).toMatchObject({ received: 11, rated: 5, satisfied: 3, satisfactionRate: '0.8000' });
    const townships = new Map(
      district.byRegion.map((row: { region: { id: string }; received: number }) => [uuidIn(row.region.id), row.received]),
    );
    expect(townships.get(region.T)).toBe(10);
  });

  it('counts in one SQL statement, whatever the number of tickets and children', async () => {
    server.statements.reset();
    await metrics(regionAdmin, ids.township);
    expect(server.statements.log.filter((sql) => /grouping sets/i.test(sql))).toHaveLength(1);
    expect(server.statements.log.filter((sql) => /demand_ticket/i.test(sql))).toHaveLength(1);
  });

  it('is for the administrators of the region or above it, and grid workers for their grid (FORBIDDEN otherwise)', async () => {
    expect((await metrics(gridWorker, ids.grid)).totals.received).toBe(5);
    for (const [client, regionId] of [
      [resident, ids.grid],
      [gridWorker, ids.community],
      [regionAdmin, ids.district],
    ] as const) {
      const response = await client.request(QUERY, { regionId, from: FROM, to: TO });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a period that ends before it starts (BAD_USER_INPUT)', async () => {
    const response = await regionAdmin.request(QUERY, { regionId: ids.township, from: TO, to: FROM });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
