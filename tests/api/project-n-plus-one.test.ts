import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPartnerWorld, insertRegion, type PartnerWorld, type RegionRef } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let world: PartnerWorld;
let region: RegionRef;

/**
 * 50 recruiting projects in a region of their own, written in bulk: each with the lead (CORE), two
 * accepted partners and an invited one, two needs with two pledges each, and a deliverable with two
 * owners fed by a pledge.
 */
async function insertProjects(): Promise<void> {
  const { lead, enterpriseA, enterpriseB, social } = world.organisations;
  await server.sql(
    `insert into project (id, created_at, title, summary, category, status, start_date, lead_organisation_id)
     select gen_random_uuid(), now() - make_interval(mins => g), '批量项目 ' || g, '批量写入的项目', 'INFRASTRUCTURE', 'RECRUITING', date '2026-12-01', ?
       from generate_series(1, 50) g`,
    [lead.uuid],
  );
  const mine = `(select id from project where title like '批量项目 %')`;
  await server.sql(
    `insert into project_region (id, created_at, project_id, region_id) select gen_random_uuid(), now(), id, ? from ${mine} p`,
    [region.uuid],
  );
  await server.sql(
    `insert into project_partner (id, created_at, project_id, organisation_id, role, status)
     select gen_random_uuid(), now(), p.id, o.organisation_id, o.role::project_partner_role, o.status::project_partner_status
       from ${mine} p cross join (values (?::uuid, 'CORE', 'ACCEPTED'), (?::uuid, 'PARTNER', 'ACCEPTED'), (?::uuid, 'SUPPORTER', 'ACCEPTED'),
                                         (?::uuid, 'PARTNER', 'INVITED')) o(organisation_id, role, status)`,
    [lead.uuid, enterpriseA.uuid, enterpriseB.uuid, social.uuid],
  );
  await server.sql(
    `insert into need (id, created_at, project_id, kind, description, quantity, unit)
     select gen_random_uuid(), now(), p.id, k.kind::need_kind, k.description, k.quantity, k.unit
       from ${mine} p cross join (values ('FUNDS', '改造资金', 10000.00, '元'), ('VOLUNTEER_HOURS', '志愿服务', 200, '小时')) k(kind, description, quantity, unit)`,
  );
  await server.sql(
    `insert into pledge (id, created_at, need_id, project_id, organisation_id, quantity, status)
     select gen_random_uuid(), now(), n.id, n.project_id, o.organisation_id, n.quantity / 4, o.status::pledge_status
       from need n cross join (values (?::uuid, 'ACCEPTED'), (?::uuid, 'PROPOSED')) o(organisation_id, status)
      where n.project_id in ${mine}`,
    [enterpriseA.uuid, enterpriseB.uuid],
  );
  await server.sql(
    `insert into deliverable (id, created_at, project_id, title, due_on, evidence_urls)
     select gen_random_uuid(), now(), id, '改造完成', date '2026-12-31', '{}' from ${mine} p`,
  );
  await server.sql(
    `insert into deliverable_owner (id, created_at, deliverable_id, organisation_id)
     select gen_random_uuid(), now(), d.id, o.id from deliverable d cross join (values (?::uuid), (?::uuid)) o(id) where d.project_id in ${mine}`,
    [lead.uuid, enterpriseA.uuid],
  );
  await server.sql(
    `insert into activity_entry (id, created_at, actor_id, on_behalf_of_id, action, subject_type, subject_uuid, project_uuid, after)
     select gen_random_uuid(), now() - make_interval(secs => e), ?, ?, 'project.updated', 'Project', p.id, p.id, '{"title": "批量"}'
       from ${mine} p cross join generate_series(1, 4) e`,
    [world.people.secretary.uuid, lead.uuid],
  );
  await server.sql(
    `insert into deliverable_pledge (id, created_at, deliverable_id, pledge_id)
     select gen_random_uuid(), now(), d.id, p.id from deliverable d join pledge p on p.project_id = d.project_id
      where d.project_id in ${mine} and p.status = 'ACCEPTED'`,
  );
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildPartnerWorld(server);
  region = await insertRegion(server, '批量测试社区', 'VILLAGE', world.regions.townshipA);
  await insertProjects();
});
afterAll(() => server?.stop());

/** The project list page of the portal: everything a card and its tabs show. */
const PAGE = `query ($first: Int!, $region: ID!) {
  projects(first: $first, filter: { regionId: $region }) {
    totalCount
    nodes {
      id title status viewerCanUpdate viewerCanCoordinate
      leadOrganisation { id name kind }
      partners { nodes { role status viewerCanRespond organisation { id name kind } } }
      composition { kind count }
      needs { nodes { id kind quantity unit pledged accepted remaining coverage viewerCanPledge
        pledges { nodes { id quantity status viewerCanRespond pledger { id name } } } } }
      deliverables { nodes { id title status overdue owners { id name } } }
      progress { needsCoverage needsTotal pledgesAccepted pledgesProposed deliverablesAccepted deliverablesTotal deliverablesOverdue partnersAccepted }
    }
  }
}`;

async function statementsFor(first: number, client = world.people.secretary.client) {
  server.statements.reset();
  const data = await client.query(PAGE, { first, region: region.id });
  return { count: server.statements.count, log: [...server.statements.log], data };
}

describe('projects page', () => {
  it('runs the same small number of statements for 5 and for 50 projects', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(five.data.projects.nodes).toHaveLength(5);
    expect(fifty.data.projects.nodes).toHaveLength(50);
    expect(fifty.data.projects.totalCount).toBe(50);
    const card = fifty.data.projects.nodes[0];
    expect(card.partners.nodes).toHaveLength(4);
    expect(card.needs.nodes).toHaveLength(2);
    expect(card.needs.nodes[0].pledges.nodes).toHaveLength(2);
    expect(card.deliverables.nodes[0].owners).toHaveLength(2);
    expect(card.progress).toMatchObject({
      needsTotal: 2,
      pledgesAccepted: 2,
      pledgesProposed: 2,
      deliverablesTotal: 1,
      partnersAccepted: 3,
    });
    const funds = card.needs.nodes.find((need: { kind: string }) => need.kind === 'FUNDS');
    expect(funds).toMatchObject({
      quantity: '10000.00',
      pledged: '5000.00',
      accepted: '2500.00',
      remaining: '5000.00',
      coverage: '0.2500',
    });
    expect(fifty.count, fifty.log.join('\n')).toBe(five.count);
    // Signed in: the session with the actor (memberships, region roles) is 1; the page is 8 (count, page,
    // partners with organisations, needs with their amounts, pledges with pledgers, deliverables, owners
    // with organisations, progress), whatever its size.
    expect(fifty.count, fifty.log.join('\n')).toBeLessThanOrEqual(9);
  });

  it('answers the public page (no viewer fields) with one statement for its whole sub-tree, whatever its size', async () => {
    const publicPage = PAGE.replace(/ viewerCan\w+| composition \{ kind count \}| overdue/g, '');
    const count = async (first: number) => {
      server.statements.reset();
      const data = await world.people.secretary.client.query(publicPage, { first, region: region.id });
      expect(data.projects.nodes).toHaveLength(first);
      return { count: server.statements.count, log: server.statements.log.join('\n') };
    };
    const [five, fifty] = [await count(5), await count(50)];
    expect(fifty.count, fifty.log).toBe(five.count);
    // The session with the actor 1; the keyset page and its count 2; the compiled sub-tree 1.
    expect(fifty.count, fifty.log).toBeLessThanOrEqual(4);
  });

  it('reads the latest activity of every project of a page in one statement', async () => {
    const timeline = `query ($first: Int!, $region: ID!) { projects(first: $first, filter: { regionId: $region }) {
      nodes { id activity(first: 3) { totalCount nodes { action actor { id } onBehalfOf { id } } } } } }`;
    const count = async (first: number) => {
      server.statements.reset();
      await world.people.secretary.client.query(timeline, { first, region: region.id });
      return server.statements.count;
    };
    const data = await world.people.secretary.client.query(timeline, { first: 5, region: region.id });
    expect(data.projects.nodes[0].activity).toMatchObject({ totalCount: 4, nodes: [{ action: 'project.updated' }, {}, {}] });
    expect(await count(50)).toBe(await count(5));
  });

  it('costs no more for a signed-out visitor', async () => {
    const anonymous = await statementsFor(50, world.people.anonymous);
    expect(anonymous.data.projects.nodes).toHaveLength(50);
    expect(anonymous.count, anonymous.log.join('\n')).toBeLessThanOrEqual(8);
  });
});
