import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVolunteering } from '@gongzhi/server/src/demo/volunteering.js';
import { seedStagesBefore } from '../support/demo-stages.js';
import { startTestServer, type TestServer } from '../support/server.js';

let first: TestServer;
let second: TestServer;
/** Both databases are seeded at the same instant, as the lead's seed would do after the projects. */
const NOW = new Date();

async function seed(server: TestServer): Promise<void> {
  await seedStagesBefore(server, 'volunteering', NOW);
  await server.app.orm.em.fork().transactional((em) => seedVolunteering(em, NOW));
  server.clock.set(NOW.toISOString());
}

beforeAll(async () => {
  [first, second] = await Promise.all([startTestServer({ demo: false }), startTestServer({ demo: false })]);
  await Promise.all([seed(first), seed(second)]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

/** The seeded content by names and phones (ids differ between seeds, these do not). */
async function content(server: TestServer) {
  return server.sql(
    `select va.title, p.title as project, o.name as organiser, s.starts_at, s.capacity, s.check_in_code, v.phone, su.status::text, su.sequence,
            (select string_agg(e.kind || ':' || e.hours, ',' order by e.created_at) from service_hours_entry e where e.sign_up_id = su.id) as hours
       from volunteer_activity va join project p on p.id = va.project_id join organisation o on o.id = va.organisation_id
       join shift s on s.activity_id = va.id left join shift_sign_up su on su.shift_id = s.id left join person v on v.id = su.person_id
      order by va.title, s.starts_at, su.sequence`,
  );
}

describe('seedVolunteering', () => {
  it('is deterministic: the same content on every seed', async () => {
    const [a, b] = await Promise.all([content(first), content(second)]);
    // Sequences are per database; the order within a shift is what must agree.
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ sequence: _sequence, ...row }) => row);
    expect(strip(b)).toEqual(strip(a));
    const commitments = `select o.name, c.title, c.due_on::text, c.fulfilled_at is not null as fulfilled,
        (select string_agg(e.score::text, ',' order by e.created_at) from commitment_evaluation e where e.commitment_id = c.id) as scores
        from commitment c join organisation o on o.id = c.organisation_id order by o.name, c.title`;
    expect(await second.sql(commitments)).toEqual(await first.sql(commitments));
  });

  it('gives activities with served and open shifts, a full shift with a waitlist, no-shows and a correction', async () => {
    const [counts] = await first.sql<Record<string, number>>(
      `select (select count(*)::int from volunteer_activity) as activities,
              (select count(*)::int from shift where ends_at < now()) as served,
              (select count(*)::int from shift where starts_at > now()) as open,
              (select count(*)::int from shift_sign_up where status = 'WAITLISTED') as waiting,
              (select count(*)::int from shift_sign_up where status = 'NO_SHOW') as no_shows,
              (select count(*)::int from service_hours_entry where kind = 'CORRECTION') as corrections,
              (select count(*)::int from volunteer_points_rule) as rules`,
    );
    expect(counts).toEqual({ activities: 5, served: 9, open: 6, waiting: 3, no_shows: 2, corrections: 1, rules: 1 });
    // The waitlist is on a full shift, and nobody holds two overlapping places.
    const [{ full }] = (await first.sql<{ full: boolean }>(
      `select bool_and(taken = capacity) as full from (
         select s.capacity, count(*) filter (where su.status = 'CONFIRMED') as taken from shift s join shift_sign_up su on su.shift_id = s.id
          where exists (select 1 from shift_sign_up w where w.shift_id = s.id and w.status = 'WAITLISTED') group by s.id, s.capacity) f`,
    )) as [{ full: boolean }];
    expect(full).toBe(true);
    const [{ overlaps }] = (await first.sql<{ overlaps: number }>(
      `select count(*)::int as overlaps from shift_sign_up a join shift sa on sa.id = a.shift_id
         join shift_sign_up b on b.person_id = a.person_id and b.id < a.id join shift sb on sb.id = b.shift_id
        where a.status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED') and b.status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')
          and sa.starts_at < sb.ends_at and sa.ends_at > sb.starts_at`,
    )) as [{ overlaps: number }];
    expect(overlaps).toBe(0);
  });

  it("shows the demo volunteer's hours and points, and counts hours towards the project's need", async () => {
    const volunteer = await first.signedIn('13800000006');
    const data = await volunteer.query(
      `{ viewer { person { serviceHoursTotal servicePoints serviceRecord { lines { activity { title } hours } } } } }`,
    );
    // 3 + 2.5 + 4 hours at 仁爱's 12 points, 3 hours of legal advice at the default 10.
    expect(data.viewer.person).toMatchObject({ serviceHoursTotal: '12.50', servicePoints: '144.00' });
    expect(data.viewer.person.serviceRecord.lines.map((line: { activity: { title: string } }) => line.activity.title)).toEqual([
      '楼道清理与加装电梯入户宣传',
      '法律咨询志愿服务日',
    ]);
    const [need] = await first.sql<{ id: string }>(
      `select n.id from need n join project p on p.id = n.project_id where p.title like '%老旧小区改造%' and n.kind = 'VOLUNTEER_HOURS'`,
    );
    const node = await volunteer.query(`query ($id: ID!) { node(id: $id) { ... on Need { delivered } } }`, {
      id: Buffer.from(`Need:${need!.id}`).toString('base64url'),
    });
    const [{ expected }] = (await first.sql<{ expected: string }>(
      `select ((select coalesce(sum(d.quantity), 0) from delivery d join pledge p on p.id = d.pledge_id where p.need_id = ? and d.confirmed_at is not null)
             + (select sum(e.hours) from service_hours_entry e join shift s on s.id = e.shift_id join volunteer_activity va on va.id = s.activity_id where va.need_id = ?))::numeric(18, 2)::text as expected`,
      [need!.id, need!.id],
    )) as [{ expected: string }];
    expect(node.node.delivered).toBe(expected);
  });

  it('gives about twenty commitments in every status, with progress and ratings', async () => {
    const secretary = await first.signedIn('13800000003');
    const statuses = await secretary.query(
      `{ commitments(first: 100) { totalCount nodes { status progress { totalCount } evaluationCount } } }`,
    );
    const nodes = statuses.commitments.nodes as { status: string; progress: { totalCount: number }; evaluationCount: number }[];
    expect(nodes.length).toBeGreaterThanOrEqual(18);
    expect(new Set(nodes.map((node) => node.status))).toEqual(new Set(['OPEN', 'DUE_SOON', 'OVERDUE', 'FULFILLED', 'EVALUATED']));
    expect(nodes.some((node) => node.progress.totalCount > 0)).toBe(true);
    // The demo resident has a fulfilled commitment of their community left to rate.
    const resident = await first.signedIn('13800000009');
    const rateable = await resident.query(
      `{ commitments(first: 100, filter: { status: [FULFILLED, EVALUATED] }) { nodes { viewerCanEvaluate } } }`,
    );
    expect(rateable.commitments.nodes.some((node: { viewerCanEvaluate: boolean }) => node.viewerCanEvaluate)).toBe(true);
    const dashboard = await secretary.query(
      `query ($id: ID!) { commitmentDashboard(organisationId: $id) { totals { total onTimeRate averageScore } } }`,
      {
        id: Buffer.from(
          `Organisation:${(await first.sql<{ id: string }>(`select id from organisation where name = '中共红塔区玉兴街道玉湖社区支部委员会'`))[0]!.id}`,
        ).toString('base64url'),
      },
    );
    expect(dashboard.commitmentDashboard.totals.total).toBe(8);
  });
});
