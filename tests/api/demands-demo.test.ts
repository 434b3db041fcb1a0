import { seedDemands } from '@gongzhi/server/src/demo/demands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, demoIds, type DemoIds } from '../support/demands.js';
import { seedStagesBefore } from '../support/demo-stages.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NOW = new Date('2026-11-21T02:00:00.000Z');

let server: TestServer;
let ids: DemoIds;

async function seed(target: TestServer): Promise<void> {
  await seedStagesBefore(target, 'demands', NOW);
  await target.app.orm.em.fork().transactional((tx) => seedDemands(tx, NOW));
}

/** What a seeded demand list looks like, independent of generated ids. */
async function signature(target: TestServer): Promise<string[]> {
  const rows = await target.sql<{ line: string }>(
    `select concat_ws('|', t.created_at, t.status, t.category, t.description, g.name, p.phone, o.name, t.rating, t.round,
              (select string_agg(e.action::text, ',' order by e.created_at, e.id) from demand_event e where e.ticket_id = t.id)) as line
       from demand_ticket t join region g on g.id = t.grid_id join person p on p.id = t.resident_id
       left join organisation o on o.id = t.owner_organisation_id
      order by t.created_at, t.description, p.phone`,
  );
  return rows.map((row) => row.line);
}

beforeAll(async () => {
  server = await startTestServer({ demo: false, env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
  await seed(server);
  server.clock.set(NOW.toISOString());
  ids = await demoIds(server);
});
afterAll(() => server?.stop());

describe('seedDemands', () => {
  it('seeds about 60 tickets of the demo street in every status, and about 25 service offerings', async () => {
    const statuses = await server.sql<{ status: string; n: number }>(
      `select status::text, count(*)::int as n from demand_ticket group by status`,
    );
    const total = statuses.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBe(60);
    const present = statuses.map((row) => row.status);
    for (const status of ['SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'RESOLVED', 'RATED', 'CLOSED_UNRATED', 'REJECTED', 'MERGED']) {
      expect(present).toContain(status);
    }
    const [{ n: offerings }] = await server.sql<{ n: number }>('select count(*)::int as n from service_offering');
    expect(offerings).toBeGreaterThanOrEqual(20);
    const [{ n: outside }] = await server.sql<{ n: number }>(
      `select count(*)::int as n from demand_ticket t join region g on g.id = t.grid_id join region s on s.name = '玉兴街道'
        where g.path not like s.path || '%'`,
    );
    expect(outside).toBe(0);
  });

  it('includes overdue and escalated tickets, reopened ones, and rated ones of every rating', async () => {
    const [row] = await server.sql<{ overdue: number; escalated: number; reopened: number; ratings: number }>(
      `select count(*) filter (where due_at < ?)::int as overdue, count(*) filter (where escalated_at is not null)::int as escalated,
              count(*) filter (where reopened_count > 0)::int as reopened, count(distinct rating) filter (where status = 'RATED')::int as ratings
         from demand_ticket`,
      [NOW],
    );
    expect(row!.overdue).toBeGreaterThan(0);
    expect(row!.escalated).toBe(row!.overdue);
    expect(row!.reopened).toBeGreaterThanOrEqual(2);
    expect(row!.ratings).toBeGreaterThanOrEqual(2);
  });

  it('tells each ticket’s story in order, never in the future, ending in its status', async () => {
    const broken = await server.sql(
      `select t.id from demand_ticket t
        where t.created_at > ? or t.dispatched_at < t.created_at or t.responded_at < t.dispatched_at
           or t.resolved_at < t.accepted_at or t.closed_at < t.created_at or t.closed_at > ?
           or (select e.status from demand_event e where e.ticket_id = t.id order by e.created_at desc, e.id desc limit 1) <> t.status
           or exists (select 1 from demand_event e where e.ticket_id = t.id and e.created_at > ?)`,
      [NOW, NOW, NOW],
    );
    expect(broken).toEqual([]);
  });

  it('gives the demo resident tickets to follow and rate, which the API shows them', async () => {
    const resident = await server.signedIn(ACCOUNTS.resident);
    const data = await resident.query('{ demands(first: 20, filter: { mine: true }) { nodes { status viewerCanRate } } }');
    const statuses = data.demands.nodes.map((node: { status: string }) => node.status);
    expect(statuses).toEqual(expect.arrayContaining(['RESOLVED', 'ACCEPTED', 'SUBMITTED', 'RATED']));
    expect(data.demands.nodes.some((node: { viewerCanRate: boolean }) => node.viewerCanRate)).toBe(true);
  });

  it('feeds the street’s metrics', async () => {
    const admin = await server.signedIn(ACCOUNTS.regionAdmin);
    const data = await admin.query(
      'query ($id: ID!, $from: DateTime!, $to: DateTime!) { demandMetrics(regionId: $id, from: $from, to: $to) { totals { received rated satisfactionRate } } }',
      { id: ids.township, from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
    );
    expect(data.demandMetrics.totals.received).toBe(60);
    expect(data.demandMetrics.totals.rated).toBeGreaterThan(0);
  });

  it('is deterministic: the same district seeded at the same moment gives the same tickets', async () => {
    const again = await startTestServer({ demo: false, env: { DEMAND_SWEEP_INTERVAL_MS: '0' } });
    try {
      await seed(again);
      expect(await signature(again)).toEqual(await signature(server));
    } finally {
      await again.stop();
    }
  });
});
