import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { normaliseCreditCode } from '@gongzhi/server';
import { PER_SCALE } from '../bench/data/dataset.js';
import { ensureDataset } from '../bench/data/ensure.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let client: pg.Client;

/** A checksum of what a reader sees (names, quantities, statuses), independent of row order. */
async function checksum(): Promise<Record<string, string>> {
  const { rows } = await client.query(`
    select (select md5(string_agg(concat_ws(' ', id, name, kind, credit_code), ',' order by id)) from organisation) as organisations,
           (select md5(string_agg(concat_ws(' ', id, title, status, lead_organisation_id), ',' order by id)) from project) as projects,
           (select md5(string_agg(concat_ws(' ', id, quantity, status, organisation_id), ',' order by id)) from pledge) as pledges,
           (select md5(string_agg(concat_ws(' ', id, category, status, grid_id), ',' order by id)) from demand_ticket) as demands,
           (select md5(string_agg(concat_ws(' ', id, person_id, status), ',' order by id)) from shift_sign_up) as sign_ups,
           (select md5(string_agg(concat_ws(' ', id, created_at, actor_id, action, subject_uuid, after), ',' order by id)) from activity_entry) as activity`);
  return rows[0];
}

const scalar = async (sql: string) => Number((await client.query(sql)).rows[0].n);

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

describe('bench data set (pnpm bench:data)', () => {
  it('fills an empty database at scale 0.01 with the expected counts, consistent and deterministic for a seed', async () => {
    const first = await ensureDataset(client, { scale: 0.01, seed: 7 });
    expect(first.generated).toBe(true);
    expect(first.counts.project).toBe(Math.round(PER_SCALE.projects * 0.01));
    expect(first.counts.pledge).toBe(Math.round(PER_SCALE.projects * 0.01) * PER_SCALE.needsPerProject * PER_SCALE.pledgesPerNeed);
    expect(first.counts.demand_ticket).toBe(Math.round(PER_SCALE.demands * 0.01));
    expect(first.counts.organisation).toBe(10);
    expect(await scalar('select count(*) as n from project')).toBe(first.counts.project);
    expect(first.counts.shift_sign_up).toBeGreaterThan(0);

    // Pledges never exceed their need: proposed + accepted + fulfilled ≤ quantity.
    expect(
      await scalar(`select count(*) as n from need n where (select coalesce(sum(quantity), 0) from pledge p
                     where p.need_id = n.id and p.status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')) > n.quantity`),
    ).toBe(0);
    // Every lead is a verified Party organisation holding the CORE place.
    expect(
      await scalar(`select count(*) as n from project p join organisation o on o.id = p.lead_organisation_id
                     where o.kind <> 'PARTY_ORGANISATION' or o.verification_status <> 'VERIFIED'
                        or not exists (select 1 from project_partner pp where pp.project_id = p.id and pp.organisation_id = o.id and pp.role = 'CORE')`),
    ).toBe(0);
    // Deliverable owners are accepted partners; confirmed deliveries never exceed their pledge.
    expect(
      await scalar(`select count(*) as n from deliverable_owner o join deliverable d on d.id = o.deliverable_id
                     where not exists (select 1 from project_partner pp where pp.project_id = d.project_id and pp.organisation_id = o.organisation_id and pp.status = 'ACCEPTED')`),
    ).toBe(0);
    expect(
      await scalar(
        `select count(*) as n from pledge p where (select coalesce(sum(quantity), 0) from delivery d where d.pledge_id = p.id) > p.quantity`,
      ),
    ).toBe(0);
    // Shifts never over capacity; grids of demands are grids; every region path ends with its own id.
    expect(
      await scalar(
        `select count(*) as n from shift s where (select count(*) from shift_sign_up u where u.shift_id = s.id and u.status <> 'CANCELLED') > s.capacity`,
      ),
    ).toBe(0);
    expect(await scalar(`select count(*) as n from demand_ticket t join region r on r.id = t.grid_id where r.level <> 'GRID'`)).toBe(0);
    expect(await scalar(`select count(*) as n from region where path not like '%/' || id || '/'`)).toBe(0);
    // The service-hours ledger: one CREDIT of the shift's length per completed sign-up, corrections after it.
    expect(first.counts.service_hours_entry).toBeGreaterThan(0);
    expect(
      await scalar(`select count(*) as n from shift_sign_up u join shift s on s.id = u.shift_id
                     where (u.status = 'COMPLETED') <> exists (select 1 from service_hours_entry e where e.sign_up_id = u.id and e.kind = 'CREDIT'
                                                                 and e.hours = round(extract(epoch from s.ends_at - s.starts_at) / 3600, 2))`),
    ).toBe(0);
    expect(await scalar(`select count(*) as n from service_hours_entry where kind = 'CORRECTION' and corrects_id is null`)).toBe(0);
    // The activity log: the entry each change that made these rows would have written, on its project's timeline.
    const logged = async (action: string, sql: string) => [
      await scalar(`select count(*) as n from activity_entry where action ${action}`),
      await scalar(sql),
    ];
    expect(await logged(`= 'project.created'`, 'select count(*) as n from project')).toEqual([first.counts.project, first.counts.project]);
    expect(await logged(`= 'pledge.created'`, 'select count(*) as n from pledge')).toEqual([first.counts.pledge, first.counts.pledge]);
    const answered = await logged(
      `in ('pledge.accepted', 'pledge.declined')`,
      'select count(*) as n from pledge where responded_at is not null',
    );
    expect(answered[0]).toBe(answered[1]);
    expect(answered[0]).toBeGreaterThan(0);
    const signedUp = await logged(`= 'shiftSignUp.created'`, 'select count(*) as n from shift_sign_up');
    expect(signedUp).toEqual([first.counts.shift_sign_up, first.counts.shift_sign_up]);
    expect(first.counts.activity_entry).toBe(first.counts.project + first.counts.pledge + answered[0]! + signedUp[0]!);
    expect(
      await scalar(`select count(*) as n from activity_entry e
                     where e.actor_id is null
                        or not exists (select 1 from project p where p.id = e.project_uuid)
                        or (e.subject_type = 'Pledge') <> exists (select 1 from pledge g where g.id = e.subject_uuid and g.project_id = e.project_uuid)`),
    ).toBe(0);
    // Analysed without the JSON snapshots (a migration sets their statistics to 0), so re-analysing the log stays cheap.
    expect(
      (await server.sql<{ attname: string }>(`select attname from pg_stats where tablename = 'activity_entry' order by attname`)).map(
        (row) => row.attname,
      ),
    ).toEqual(expect.arrayContaining(['action', 'project_uuid', 'subject_uuid']));
    expect(await scalar(`select count(*) as n from pg_stats where tablename = 'activity_entry' and attname in ('before', 'after')`)).toBe(
      0,
    );
    // The application reads it: a public project's timeline, newest first: the pledge's answer, then its creation.
    const [pledged] = await server.sql<{ project_id: string; id: string }>(
      `select g.project_id, g.id from pledge g join project p on p.id = g.project_id
        where p.status = 'ACTIVE' and g.status = 'ACCEPTED' order by g.id limit 1`,
    );
    const timeline = await server
      .client()
      .query(
        `query ($id: ID!) { node(id: $id) { ... on Project { activity(first: 100) { edges { node { action subjectId after } } } } } }`,
        { id: Buffer.from(`Project:${pledged!.project_id}`).toString('base64url') },
      );
    const entries = timeline.node.activity.edges.map((edge: { node: { action: string; after: string } }) => edge.node);
    const ofPledge = entries.filter(
      (entry: { subjectId: string }) => entry.subjectId === Buffer.from(`Pledge:${pledged!.id}`).toString('base64url'),
    );
    expect(ofPledge.map((entry: { action: string }) => entry.action)).toEqual(['pledge.accepted', 'pledge.created']);
    expect(JSON.parse(ofPledge[0].after)).toMatchObject({ status: 'ACCEPTED' });
    // Credit codes carry a valid check character.
    const codes = (await client.query('select credit_code from organisation')).rows.map((row) => row.credit_code as string);
    expect(codes.filter((code) => normaliseCreditCode(code) !== code)).toEqual([]);
    // Foreign keys are declared by the migrations and were never bypassed: all are validated.
    expect(await scalar(`select count(*) as n from pg_constraint where contype = 'f' and not convalidated`)).toBe(0);

    const before = await checksum();
    const again = await ensureDataset(client, { scale: 0.01, seed: 7 });
    expect(again.generated).toBe(false);
    const regenerated = await ensureDataset(client, { scale: 0.01, seed: 7, force: true });
    expect(regenerated.generated).toBe(true);
    expect(await checksum()).toEqual(before);
    await ensureDataset(client, { scale: 0.01, seed: 8, force: true });
    expect((await checksum()).projects).not.toBe(before.projects);
  });
});
