import { toGlobalId } from '@gongzhi/server/src/common/relay/global-id.js';
import { DEMO_FIXTURES } from '@gongzhi/server/src/demo/fixtures.js';
import type { GraphQLClient } from './client.js';
import type { TestServer } from './server.js';

/** The demo accounts the demand tests act as (see server/src/demo/accounts.ts). */
export const ACCOUNTS = {
  regionAdmin: '13800000002',
  branchSecretary: '13800000003',
  enterprise: '13800000004',
  socialCoordinator: '13800000005',
  volunteer: '13800000006',
  officer: '13800000007',
  gridWorker: '13800000008',
  resident: '13800000009',
} as const;

export const DEMAND_FIELDS = `
  id status round category description place channel contactName contactPhone contactAddress contactPreference
  evidenceUrls responseDueAt resolutionDueAt dueAt overdue respondedAt acceptedAt resolvedAt resolutionNote
  resolutionEvidenceUrls rating ratingComment ratedAt ratingDueAt reopenedCount rejectionReason closedAt escalatedAt
  escalatedTo { id name level }
  grid { id name }
  assignedOrganisation { id name }
  ownerOrganisation { id name }
  mergedInto { id }
  events { action status round note rating organisation { id } }
`;

export interface DemoIds {
  /** 第一网格 of 玉湖社区: where the grid worker works and the resident lives. */
  grid: string;
  /** Another grid of 玉湖社区 (not the grid worker's). */
  otherGrid: string;
  community: string;
  township: string;
  district: string;
  /** The verified private enterprise 13800000004 works for. */
  enterprise: string;
  /** The verified social organisation 13800000005 coordinates. */
  socialOrganisation: string;
  /** The 民盟 body 13800000006 belongs to. */
  democraticPartyBody: string;
  /** A pending (unverified) organisation. */
  unverified: string;
  personUuids: Record<keyof typeof ACCOUNTS, string>;
  /** The resident's name as the demo wrote it. */
  residentName: string;
}

async function one(server: TestServer, sql: string, params: unknown[] = []): Promise<string> {
  const [row] = await server.sql<{ id: string }>(sql, params);
  if (!row) {
    throw new Error(`demo data missing: ${sql} ${JSON.stringify(params)}`);
  }
  return row.id;
}

/**
 * Global ids of the demo objects the tests use, found by name, and the roles the tests rely on made
 * explicit: the enterprise account acts as its COORDINATOR (accepting needs ADMIN or COORDINATOR).
 */
export async function demoIds(server: TestServer): Promise<DemoIds> {
  const region = (uuid: string) => toGlobalId('Region', uuid);
  const organisation = (uuid: string) => toGlobalId('Organisation', uuid);
  const community = await one(server, `select id from region where name = ? and level = 'VILLAGE'`, [DEMO_FIXTURES.community]);
  const grid = await one(server, `select id from region where parent_id = ? and name = ?`, [community, DEMO_FIXTURES.grid]);
  const otherGrid = await one(server, `select id from region where parent_id = ? and name <> ? order by name limit 1`, [
    community,
    DEMO_FIXTURES.grid,
  ]);
  const township = await one(server, `select id from region where name = ? and level = 'TOWNSHIP'`, [DEMO_FIXTURES.township]);
  const district = await one(server, `select id from region where name = ? and level = 'DISTRICT'`, [DEMO_FIXTURES.district]);
  const byName = (name: string) => one(server, 'select id from organisation where name = ?', [name]);
  const personUuids = Object.fromEntries(
    await Promise.all(
      Object.entries(ACCOUNTS).map(async ([key, phone]) => [key, await one(server, 'select id from person where phone = ?', [phone])]),
    ),
  ) as Record<keyof typeof ACCOUNTS, string>;
  const enterprise = await byName(DEMO_FIXTURES.enterprise);
  await server.sql(`update membership set role = 'COORDINATOR' where person_id = ? and organisation_id = ?`, [
    personUuids.enterprise,
    enterprise,
  ]);
  // The grid worker works 第一网格 and the resident lives there, whatever the demo's other roles.
  await server.sql(
    `insert into region_role (id, created_at, person_id, role, region_id)
     select gen_random_uuid(), now(), ?, 'GRID_WORKER', ? where not exists
       (select 1 from region_role where person_id = ? and role = 'GRID_WORKER' and region_id = ?)`,
    [personUuids.gridWorker, grid, personUuids.gridWorker, grid],
  );
  await server.sql('update person set residence_region_id = ? where id = ?', [grid, personUuids.resident]);
  return {
    grid: region(grid),
    otherGrid: region(otherGrid),
    community: region(community),
    township: region(township),
    district: region(district),
    enterprise: organisation(enterprise),
    socialOrganisation: organisation(await byName(DEMO_FIXTURES.socialOrganisation)),
    democraticPartyBody: organisation(await byName(DEMO_FIXTURES.democraticPartyBody)),
    unverified: organisation(await one(server, `select id from organisation where verification_status = 'PENDING' order by name limit 1`)),
    personUuids,
    residentName: (await server.sql<{ name: string }>('select name from person where id = ?', [personUuids.resident]))[0]!.name,
  };
}

export interface Payload {
  demand: Record<string, any> | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

/** Runs a demand mutation and returns its payload. */
export async function mutate(client: GraphQLClient, name: string, variables: Record<string, unknown>): Promise<Payload> {
  const hasId = 'id' in variables;
  const hasInput = 'input' in variables;
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const inputTypes: Record<string, string> = {
    demandAddAction: 'DemandNoteInput',
    demandResolve: 'DemandNoteInput',
  };
  const declarations = [hasId ? '$id: ID!' : '', hasInput ? `$input: ${inputTypes[name] ?? inputType}!` : ''].filter(Boolean).join(', ');
  const args = [hasId ? 'id: $id' : '', hasInput ? 'input: $input' : ''].filter(Boolean).join(', ');
  const data = await client.query(
    `mutation (${declarations}) { ${name}(${args}) { demand { ${DEMAND_FIELDS} } userErrors { code field message } } }`,
    variables,
  );
  return data[name] as Payload;
}

/** Submits a demand and fails the test on user errors. */
export async function submit(client: GraphQLClient, input: Record<string, unknown>): Promise<Record<string, any>> {
  const payload = await mutate(client, 'demandSubmit', {
    input: { category: 'ROADS_FACILITIES', description: '3号楼东侧路灯不亮', ...input },
  });
  if (payload.userErrors.length) {
    throw new Error(`demandSubmit failed: ${JSON.stringify(payload.userErrors)}`);
  }
  return payload.demand!;
}

/** Runs a mutation that must succeed, and returns the ticket. */
export async function expectOk(promise: Promise<Payload>): Promise<Record<string, any>> {
  const payload = await promise;
  if (payload.userErrors.length) {
    throw new Error(`unexpected user errors: ${JSON.stringify(payload.userErrors)}`);
  }
  return payload.demand!;
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/**
 * A partner project with one open need, written with SQL (the demand tests need one to match or to
 * convert into, not the projects API). Returns the uuids.
 */
export async function insertProjectNeed(
  server: TestServer,
  options: { regionUuid: string; status?: string; category?: string; closed?: boolean },
): Promise<{ projectUuid: string; needUuid: string; leadUuid: string }> {
  const [lead] = await server.sql<{ id: string }>(
    `select id from organisation where kind = 'PARTY_ORGANISATION' and verification_status = 'VERIFIED' order by name limit 1`,
  );
  const [project] = await server.sql<{ id: string }>(
    `insert into project (id, created_at, title, summary, category, status, start_date, lead_organisation_id)
     values (gen_random_uuid(), now(), '玉湖社区适老化改造', '为高龄独居老人改造居家环境', ?, ?, '2026-10-01', ?) returning id`,
    [options.category ?? 'ELDERLY_CARE', options.status ?? 'ACTIVE', lead!.id],
  );
  await server.sql(`insert into project_region (id, created_at, project_id, region_id) values (gen_random_uuid(), now(), ?, ?)`, [
    project!.id,
    options.regionUuid,
  ]);
  const [need] = await server.sql<{ id: string }>(
    `insert into need (id, created_at, project_id, kind, description, quantity, unit, closed_at)
     values (gen_random_uuid(), now(), ?, 'VOLUNTEER_HOURS', '上门安装扶手', 40, '小时', ?) returning id`,
    [project!.id, options.closed ? new Date() : null],
  );
  return { projectUuid: project!.id, needUuid: need!.id, leadUuid: lead!.id };
}

/** The uuid inside a global id. */
export function uuidIn(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
}
