import { randomUUID } from 'node:crypto';
import type { GraphQLClient } from './client.js';
import type { TestServer } from './server.js';

/**
 * A small world for partner-project tests, built beside the demo district so it does not depend on
 * (nor disturb) the demo data: its own region subtree, its own organisations (by SQL: organisations and
 * memberships are set up, not under test here), and real accounts — demo accounts signed in with the
 * demo password where one fits the part, fresh sign-ups otherwise.
 *
 *   共建区 district ─┬─ 城东街道 townshipA ── 城东社区 villageA
 *                    └─ 城西街道 townshipB
 */
export interface Ref {
  uuid: string;
  id: string;
}
export interface RegionRef extends Ref {
  path: string;
}
export interface Account extends Ref {
  client: GraphQLClient;
}

export function globalId(type: string, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`).toString('base64url');
}

export function uuidOfId(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1]!;
}

let phones = 0;
/** A mobile number unique within the test file (each file has its own database). */
export function nextPhone(): string {
  phones += 1;
  return `1370000${String(phones).padStart(4, '0')}`;
}

export async function signUpAccount(server: TestServer, name: string): Promise<Account> {
  const client = server.client();
  const data = await client.query(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { viewer { person { id } } userErrors { code } } }`,
    { input: { name, phone: nextPhone(), password: 'partner-world-password' } },
  );
  if (data.signUp.userErrors.length) {
    throw new Error(`signUp failed: ${JSON.stringify(data.signUp.userErrors)}`);
  }
  const id = data.signUp.viewer.person.id as string;
  return { id, uuid: uuidOfId(id), client };
}

export async function demoAccount(server: TestServer, phone: string): Promise<Account> {
  const client = await server.signedIn(phone);
  const [row] = await server.sql<{ id: string }>('select id from person where phone = ?', [phone]);
  return { uuid: row!.id, id: globalId('Person', row!.id), client };
}

export async function insertRegion(server: TestServer, name: string, level: string, parent?: RegionRef): Promise<RegionRef> {
  const uuid = randomUUID();
  const path = `${parent?.path ?? '/'}${uuid}/`;
  await server.sql('insert into region (id, created_at, name, level, parent_id, path) values (?, now(), ?, ?, ?, ?)', [
    uuid,
    name,
    level,
    parent?.uuid ?? null,
    path,
  ]);
  return { uuid, id: globalId('Region', uuid), path };
}

export async function insertOrganisation(
  server: TestServer,
  options: { name: string; kind: string; region: Ref; verified?: boolean },
): Promise<Ref> {
  const uuid = randomUUID();
  const verified = options.verified ?? true;
  await server.sql(
    `insert into organisation (id, created_at, name, kind, region_id, verification_status, verified_at)
     values (?, now(), ?, ?, ?, ?, ?)`,
    [uuid, options.name, options.kind, options.region.uuid, verified ? 'VERIFIED' : 'PENDING', verified ? new Date() : null],
  );
  return { uuid, id: globalId('Organisation', uuid) };
}

export async function addMember(
  server: TestServer,
  person: Ref,
  organisation: Ref,
  role: 'ADMIN' | 'COORDINATOR' | 'MEMBER',
): Promise<void> {
  await server.sql('insert into membership (id, created_at, person_id, organisation_id, role) values (?, now(), ?, ?, ?)', [
    randomUUID(),
    person.uuid,
    organisation.uuid,
    role,
  ]);
}

export interface PartnerWorld {
  regions: { district: RegionRef; townshipA: RegionRef; villageA: RegionRef; townshipB: RegionRef };
  people: {
    /** 13800000003 (demo party branch secretary): ADMIN of `lead`, of `collective` and of `pendingParty`. */
    secretary: Account;
    /** COORDINATOR of `lead`. */
    leadCoordinator: Account;
    /** MEMBER of `lead`: a member, but no coordinator. */
    leadMember: Account;
    /** 13800000004 (demo enterprise staff): MEMBER of `enterpriseA` and of `pendingEnterprise`. */
    enterpriseMember: Account;
    /** MEMBER of `enterpriseB`. */
    memberB: Account;
    /** 13800000005 (demo social organisation coordinator): COORDINATOR of `social`. */
    socialCoordinator: Account;
    /** COORDINATOR of `lead` and MEMBER of `enterpriseB`: coordinates, but pledges for B too. */
    dualRole: Account;
    /** 13800000009 (demo resident): no organisation of this world. */
    resident: Account;
    /** Not signed in. */
    anonymous: GraphQLClient;
  };
  organisations: {
    /** Verified Party branch in 城东社区: the lead of the projects under test. */
    lead: Ref;
    enterpriseA: Ref;
    enterpriseB: Ref;
    social: Ref;
    /** A verified village collective enterprise (not a Party organisation). */
    collective: Ref;
    pendingEnterprise: Ref;
    /** A Party organisation not verified yet. */
    pendingParty: Ref;
  };
}

export async function buildPartnerWorld(server: TestServer): Promise<PartnerWorld> {
  const district = await insertRegion(server, '共建区', 'DISTRICT');
  const townshipA = await insertRegion(server, '城东街道', 'TOWNSHIP', district);
  const villageA = await insertRegion(server, '城东社区', 'VILLAGE', townshipA);
  const townshipB = await insertRegion(server, '城西街道', 'TOWNSHIP', district);

  const organisations = {
    lead: await insertOrganisation(server, { name: '中共城东社区支部委员会', kind: 'PARTY_ORGANISATION', region: villageA }),
    enterpriseA: await insertOrganisation(server, { name: '城东建设有限公司', kind: 'ENTERPRISE', region: townshipA }),
    enterpriseB: await insertOrganisation(server, { name: '城西物流有限公司', kind: 'ENTERPRISE', region: townshipB }),
    social: await insertOrganisation(server, { name: '城东社会工作服务中心', kind: 'SOCIAL_ORGANISATION', region: townshipA }),
    collective: await insertOrganisation(server, { name: '城东强村公司', kind: 'ENTERPRISE', region: villageA }),
    pendingEnterprise: await insertOrganisation(server, { name: '城东新办企业', kind: 'ENTERPRISE', region: townshipA, verified: false }),
    pendingParty: await insertOrganisation(server, {
      name: '中共城东新区支部委员会',
      kind: 'PARTY_ORGANISATION',
      region: villageA,
      verified: false,
    }),
  };
  const people = {
    secretary: await demoAccount(server, '13800000003'),
    leadCoordinator: await signUpAccount(server, '支部协调员'),
    leadMember: await signUpAccount(server, '支部党员'),
    enterpriseMember: await demoAccount(server, '13800000004'),
    memberB: await signUpAccount(server, '乙企业员工'),
    socialCoordinator: await demoAccount(server, '13800000005'),
    dualRole: await signUpAccount(server, '兼职协调员'),
    resident: await demoAccount(server, '13800000009'),
    anonymous: server.client(),
  };
  await addMember(server, people.secretary, organisations.lead, 'ADMIN');
  await addMember(server, people.secretary, organisations.collective, 'ADMIN');
  await addMember(server, people.secretary, organisations.pendingParty, 'ADMIN');
  await addMember(server, people.leadCoordinator, organisations.lead, 'COORDINATOR');
  await addMember(server, people.leadMember, organisations.lead, 'MEMBER');
  await addMember(server, people.enterpriseMember, organisations.enterpriseA, 'MEMBER');
  await addMember(server, people.enterpriseMember, organisations.pendingEnterprise, 'MEMBER');
  await addMember(server, people.memberB, organisations.enterpriseB, 'MEMBER');
  await addMember(server, people.socialCoordinator, organisations.social, 'COORDINATOR');
  await addMember(server, people.dualRole, organisations.lead, 'COORDINATOR');
  await addMember(server, people.dualRole, organisations.enterpriseB, 'MEMBER');
  return { regions: { district, townshipA, villageA, townshipB }, people, organisations };
}
