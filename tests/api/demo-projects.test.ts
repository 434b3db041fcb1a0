import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProjects } from '@gongzhi/server';
import { seedStagesBefore } from '../support/demo-stages.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  await seedStagesBefore(server, 'projects', server.clock.now());
  await server.app.orm.em.fork().transactional((em) => seedProjects(em, server.clock.now()));
});
afterAll(() => server?.stop());

describe('seedProjects', () => {
  it('seeds a dozen partner projects of the demo district, led by verified Party organisations', async () => {
    const projects = await server.sql<{ status: string; lead_kind: string; verification_status: string }>(
      `select p.status, o.kind as lead_kind, o.verification_status from project p join organisation o on o.id = p.lead_organisation_id`,
    );
    expect(projects.length).toBeGreaterThanOrEqual(10);
    expect(new Set(projects.map((project) => project.lead_kind))).toEqual(new Set(['PARTY_ORGANISATION']));
    expect(new Set(projects.map((project) => project.verification_status))).toEqual(new Set(['VERIFIED']));
    expect(new Set(projects.map((project) => project.status))).toEqual(
      new Set(['DRAFT', 'RECRUITING', 'ACTIVE', 'COMPLETED', 'CANCELLED']),
    );
  });

  it('keeps every rule the API enforces', async () => {
    const overPledged = await server.sql(
      `select n.id from need n where not n.allow_oversubscription and n.quantity <
         (select coalesce(sum(quantity), 0) from pledge where need_id = n.id and status in ('PROPOSED', 'ACCEPTED', 'FULFILLED'))`,
    );
    const overDelivered = await server.sql(
      `select p.id from pledge p where p.quantity < (select coalesce(sum(quantity), 0) from delivery where pledge_id = p.id)`,
    );
    const unfulfilled = await server.sql(
      `select p.id from pledge p where p.status = 'FULFILLED'
          and p.quantity <> (select coalesce(sum(quantity), 0) from delivery where pledge_id = p.id and confirmed_at is not null)`,
    );
    const deliveredUnaccepted = await server.sql(
      `select d.id from delivery d join pledge p on p.id = d.pledge_id where p.status not in ('ACCEPTED', 'FULFILLED')`,
    );
    const strayOwners = await server.sql(
      `select o.id from deliverable_owner o join deliverable d on d.id = o.deliverable_id
        where not exists (select 1 from project_partner pp where pp.project_id = d.project_id and pp.organisation_id = o.organisation_id and pp.status = 'ACCEPTED')`,
    );
    const pledgesInDrafts = await server.sql(`select p.id from pledge p join project pr on pr.id = p.project_id where pr.status = 'DRAFT'`);
    const withoutCore = await server.sql(
      `select p.id from project p where not exists (select 1 from project_partner pp
        where pp.project_id = p.id and pp.organisation_id = p.lead_organisation_id and pp.role = 'CORE' and pp.status = 'ACCEPTED')`,
    );
    expect({ overPledged, overDelivered, unfulfilled, deliveredUnaccepted, strayOwners, pledgesInDrafts, withoutCore }).toEqual({
      overPledged: [],
      overDelivered: [],
      unfulfilled: [],
      deliveredUnaccepted: [],
      strayOwners: [],
      pledgesInDrafts: [],
      withoutCore: [],
    });
  });

  it('gives each project a timeline and shows the public ones through the API', async () => {
    const [{ missing }] = await server.sql<{ missing: number }>(
      `select count(*)::int as missing from project p where not exists (select 1 from activity_entry a where a.project_uuid = p.id)`,
    );
    expect(missing).toBe(0);
    const data = await server.client().query(`{ projects(first: 50) { totalCount nodes { title status progress { needsCoverage }
      composition { kind count } activity(first: 1) { totalCount } } } }`);
    const drafts = await server.sql<{ count: number }>(`select count(*)::int as count from project where status = 'DRAFT'`);
    const [{ count: all }] = await server.sql<{ count: number }>('select count(*)::int as count from project');
    expect(data.projects.totalCount).toBe(all - drafts[0]!.count);
    const renovation = data.projects.nodes.find((node: { title: string }) => node.title.includes('老旧小区改造'));
    expect(renovation).toMatchObject({ status: 'ACTIVE' });
    expect(renovation.composition.length).toBeGreaterThanOrEqual(3);
    expect(renovation.activity.totalCount).toBeGreaterThan(10);
  });

  it('lets the demo branch secretary coordinate the project of their branch', async () => {
    const secretary = await server.signedIn('13800000003');
    const data = await secretary.query(`{ projects(first: 50) { nodes { title viewerCanCoordinate } } }`);
    const mine = data.projects.nodes.filter((node: { viewerCanCoordinate: boolean }) => node.viewerCanCoordinate);
    expect(mine.map((node: { title: string }) => node.title)).toContain('玉湖社区“初心合伙人”老旧小区改造');
  });
});
