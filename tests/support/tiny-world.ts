import { randomUUID } from 'node:crypto';
import type { GraphQLClient } from './client.js';
import type { TestServer } from './server.js';

/**
 * A tiny, self-made world for identity tests, independent of the demo district:
 *
 *   区 district ─┬─ 甲街道 townshipA ── 甲社区 villageA ── 甲网格 gridA
 *                └─ 乙街道 townshipB ── 乙社区 villageB
 *
 * Accounts are created through signUp (so they are real accounts with real sessions); region roles and
 * residences are written with SQL, since granting them is not part of the API yet.
 */
export const ROLES = [
  'resident',
  'member',
  'admin',
  'coordinator',
  'regionAdmin',
  'otherRegionAdmin',
  'gridWorker',
  'platformAdmin',
  'subject',
  'newcomer',
] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD = 'tiny-world-password';

export interface Ref {
  uuid: string;
  id: string;
}
export interface RegionRef extends Ref {
  path: string;
  name: string;
}
export interface PersonRef extends Ref {
  phone: string;
  name: string;
  client: GraphQLClient;
}
export interface OrganisationRef extends Ref {
  name: string;
  /** Memberships of the standing cast: admin ADMIN, coordinator COORDINATOR, member and subject MEMBER. */
  memberships: Record<'admin' | 'coordinator' | 'member' | 'subject', Ref>;
}

export interface TinyWorld {
  regions: Record<'district' | 'townshipA' | 'townshipB' | 'villageA' | 'gridA' | 'villageB', RegionRef>;
  people: Record<Role, PersonRef>;
  /** An enterprise in villageA (township A) with the standing cast as members. */
  organisation: OrganisationRef;
  /** A fresh organisation with the standing cast as members, by SQL (fast enough for one per test case). */
  createOrganisation(options?: { name?: string; kind?: string; regionUuid?: string; status?: string }): Promise<OrganisationRef>;
}

export function globalId(type: string, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`).toString('base64url');
}

export function uuidOfId(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1]!;
}

const NAMES: Record<Role, string> = {
  resident: '居民甲',
  member: '企业员工',
  admin: '企业管理员',
  coordinator: '企业协调员',
  regionAdmin: '甲街道管理员',
  otherRegionAdmin: '乙街道管理员',
  gridWorker: '甲网格员',
  platformAdmin: '平台管理员',
  subject: '被查看人',
  newcomer: '新成员',
};

let counter = 0;

/** A phone unique within the run, so worlds of several files never collide. */
export function uniquePhone(): string {
  counter += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(counter).padStart(4, '0')}`;
}

export async function signUp(server: TestServer, name: string, phone: string, password = PASSWORD): Promise<PersonRef> {
  const client = server.client();
  const data = await client.query(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { viewer { person { id } } userErrors { code field } } }`,
    { input: { name, phone, password } },
  );
  if (data.signUp.userErrors.length) {
    throw new Error(`signUp ${phone} failed: ${JSON.stringify(data.signUp.userErrors)}`);
  }
  const id = data.signUp.viewer.person.id as string;
  return { id, uuid: uuidOfId(id), phone, name, client };
}

async function insertRegion(server: TestServer, name: string, level: string, parent?: RegionRef): Promise<RegionRef> {
  const uuid = randomUUID();
  const path = `${parent?.path ?? '/'}${uuid}/`;
  await server.sql(`insert into region (id, created_at, name, level, parent_id, path) values (?, now(), ?, ?, ?, ?)`, [
    uuid,
    name,
    level,
    parent?.uuid ?? null,
    path,
  ]);
  return { uuid, id: globalId('Region', uuid), path, name };
}

export async function grantRegionRole(server: TestServer, person: Ref, role: string, region?: Ref): Promise<void> {
  await server.sql(`insert into region_role (id, created_at, person_id, role, region_id) values (?, now(), ?, ?, ?)`, [
    randomUUID(),
    person.uuid,
    role,
    region?.uuid ?? null,
  ]);
}

export async function insertMembership(server: TestServer, person: Ref, organisation: Ref, role: string): Promise<Ref> {
  const uuid = randomUUID();
  await server.sql(`insert into membership (id, created_at, person_id, organisation_id, role) values (?, now(), ?, ?, ?)`, [
    uuid,
    person.uuid,
    organisation.uuid,
    role,
  ]);
  return { uuid, id: globalId('Membership', uuid) };
}

export async function insertOrganisation(
  server: TestServer,
  options: { name: string; kind?: string; regionUuid: string; parentUuid?: string | null; status?: string; creditCode?: string | null },
): Promise<Ref> {
  const uuid = randomUUID();
  await server.sql(
    `insert into organisation (id, created_at, name, kind, region_id, parent_id, verification_status, credit_code)
     values (?, now(), ?, ?, ?, ?, ?, ?)`,
    [
      uuid,
      options.name,
      options.kind ?? 'ENTERPRISE',
      options.regionUuid,
      options.parentUuid ?? null,
      options.status ?? 'PENDING',
      options.creditCode ?? null,
    ],
  );
  return { uuid, id: globalId('Organisation', uuid) };
}

export async function buildTinyWorld(server: TestServer): Promise<TinyWorld> {
  const district = await insertRegion(server, '共治区', 'DISTRICT');
  const townshipA = await insertRegion(server, '甲街道', 'TOWNSHIP', district);
  const townshipB = await insertRegion(server, '乙街道', 'TOWNSHIP', district);
  const villageA = await insertRegion(server, '甲社区', 'VILLAGE', townshipA);
  const gridA = await insertRegion(server, '甲网格', 'GRID', villageA);
  const villageB = await insertRegion(server, '乙社区', 'VILLAGE', townshipB);
  const regions = { district, townshipA, townshipB, villageA, gridA, villageB };

  const people = {} as Record<Role, PersonRef>;
  for (const role of ROLES) {
    people[role] = await signUp(server, NAMES[role], uniquePhone());
  }
  // Everyone lives in township A's grid, except the administrator of township B.
  const inGridA = ROLES.filter((role) => role !== 'otherRegionAdmin').map((role) => people[role].uuid);
  await server.sql(`update person set residence_region_id = ? where id in (${inGridA.map(() => '?').join(', ')})`, [
    gridA.uuid,
    ...inGridA,
  ]);
  await server.sql(`update person set residence_region_id = ? where id = ?`, [villageB.uuid, people.otherRegionAdmin.uuid]);
  await grantRegionRole(server, people.regionAdmin, 'REGION_ADMIN', townshipA);
  await grantRegionRole(server, people.otherRegionAdmin, 'REGION_ADMIN', townshipB);
  await grantRegionRole(server, people.gridWorker, 'GRID_WORKER', gridA);
  await grantRegionRole(server, people.platformAdmin, 'PLATFORM_ADMIN');

  let organisations = 0;
  const createOrganisation: TinyWorld['createOrganisation'] = async (options = {}) => {
    organisations += 1;
    const name = options.name ?? `甲社区企业${organisations}`;
    const organisation = await insertOrganisation(server, {
      name,
      kind: options.kind,
      regionUuid: options.regionUuid ?? villageA.uuid,
      status: options.status,
    });
    const memberships = {
      admin: await insertMembership(server, people.admin, organisation, 'ADMIN'),
      coordinator: await insertMembership(server, people.coordinator, organisation, 'COORDINATOR'),
      member: await insertMembership(server, people.member, organisation, 'MEMBER'),
      subject: await insertMembership(server, people.subject, organisation, 'MEMBER'),
    };
    return { ...organisation, name, memberships };
  };
  const organisation = await createOrganisation({ name: '甲社区示范企业' });
  return { regions, people, organisation, createOrganisation };
}

/** Rows in a table, to check that a refused or invalid mutation changed nothing. */
export async function countRows(server: TestServer, table: string): Promise<number> {
  const [row] = await server.sql<{ count: number }>(`select count(*)::int as count from ${table}`);
  return row!.count;
}
