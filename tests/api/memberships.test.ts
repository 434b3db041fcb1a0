import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  buildTinyWorld,
  countRows,
  insertMembership,
  insertOrganisation,
  signUp,
  uniquePhone,
  type TinyWorld,
} from '../support/tiny-world.js';

let server: TestServer;
let world: TinyWorld;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  world = await buildTinyWorld(server);
});
afterAll(() => server?.stop());

const ADD = `mutation ($input: MembershipAddInput!) {
  membershipAdd(input: $input) { membership { id role person { id } organisation { id memberCount } } userErrors { code field } }
}`;
const UPDATE = `mutation ($id: ID!, $role: MembershipRole!) {
  membershipUpdate(id: $id, input: { role: $role }) { membership { id role } userErrors { code field } }
}`;
const REMOVE = `mutation ($id: ID!) {
  membershipRemove(id: $id) { membership { id role } organisation { id memberCount } userErrors { code field } }
}`;

async function activity(action: string): Promise<{ count: number; onBehalfOf: string | null }> {
  const [row] = await server.sql<{ count: number; last: string | null }>(
    `select count(*)::int as count,
            (select on_behalf_of_id from activity_entry where action = ? order by created_at desc, id desc limit 1) as last
       from activity_entry where action = ?`,
    [action, action],
  );
  return { count: row!.count, onBehalfOf: row!.last };
}

describe('membershipAdd', () => {
  it('adds an existing account by mobile number, with one activity entry on behalf of the organisation', async () => {
    const organisation = await world.createOrganisation();
    const before = await activity('membership.added');
    const data = await world.people.admin.client.query(ADD, {
      input: { organisationId: organisation.id, identifier: world.people.newcomer.phone, role: 'COORDINATOR' },
    });
    expect(data.membershipAdd).toMatchObject({
      membership: { role: 'COORDINATOR', person: { id: world.people.newcomer.id }, organisation: { id: organisation.id, memberCount: 5 } },
      userErrors: [],
    });
    expect(await activity('membership.added')).toEqual({ count: before.count + 1, onBehalfOf: organisation.uuid });
  });

  it('adds an account by email, whatever its case', async () => {
    const organisation = await world.createOrganisation();
    const person = await signUp(server, '邮箱用户', uniquePhone());
    await person.client.query(
      `mutation ($id: ID!) { personUpdate(id: $id, input: { email: "mail.user@example.cn" }) { userErrors { code } } }`,
      {
        id: person.id,
      },
    );
    const data = await world.people.admin.client.query(ADD, {
      input: { organisationId: organisation.id, identifier: ' Mail.User@Example.CN ', role: 'MEMBER' },
    });
    expect(data.membershipAdd.membership.person.id).toBe(person.id);
  });

  it.each([
    ['no account has the identifier', () => '13999999999', 'NOT_FOUND'],
    ['the identifier is neither a phone nor an email', () => 'someone', 'INVALID'],
    ['the person is already a member', () => world.people.member.phone, 'ALREADY_EXISTS'],
  ])('refuses when %s, on the identifier, changing nothing', async (_case, identifier, code) => {
    const organisation = await world.createOrganisation();
    const before = await Promise.all([countRows(server, 'membership'), countRows(server, 'activity_entry')]);
    const data = await world.people.admin.client.query(ADD, {
      input: { organisationId: organisation.id, identifier: identifier(), role: 'MEMBER' },
    });
    expect(data.membershipAdd).toEqual({ membership: null, userErrors: [{ code, field: ['input', 'identifier'] }] });
    expect(await Promise.all([countRows(server, 'membership'), countRows(server, 'activity_entry')])).toEqual(before);
  });

  it('answers FORBIDDEN before looking the account up, so non-managers cannot probe for accounts', async () => {
    const organisation = await world.createOrganisation();
    const unknown = await world.people.coordinator.client.query(ADD, {
      input: { organisationId: organisation.id, identifier: '13999999999', role: 'MEMBER' },
    });
    expect(unknown.membershipAdd.userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);
  });

  it('answers NOT_FOUND for an unknown organisation', async () => {
    const data = await world.people.admin.client.query(ADD, {
      input: { organisationId: world.people.admin.id, identifier: world.people.newcomer.phone, role: 'MEMBER' },
    });
    expect(data.membershipAdd.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'organisationId'] }]);
  });

  it('lets a region administrator appoint the first ADMIN of an organisation without members', async () => {
    const organisation = await insertOrganisation(server, { name: '无人管理的组织', regionUuid: world.regions.gridA.uuid });
    const data = await world.people.regionAdmin.client.query(ADD, {
      input: { organisationId: organisation.id, identifier: world.people.newcomer.phone, role: 'ADMIN' },
    });
    expect(data.membershipAdd.membership.role).toBe('ADMIN');
    const [entry] = await server.sql<{ on_behalf_of_id: string | null }>(
      `select on_behalf_of_id from activity_entry where action = 'membership.added' order by created_at desc, id desc limit 1`,
    );
    // The region administrator is no member: they acted as the region's authority, not for the organisation.
    expect(entry!.on_behalf_of_id).toBeNull();
  });
});

describe('membershipUpdate', () => {
  it('changes a role, with one activity entry', async () => {
    const organisation = await world.createOrganisation();
    const before = await activity('membership.updated');
    const data = await world.people.admin.client.query(UPDATE, { id: organisation.memberships.member.id, role: 'COORDINATOR' });
    expect(data.membershipUpdate).toEqual({ membership: { id: organisation.memberships.member.id, role: 'COORDINATOR' }, userErrors: [] });
    expect((await activity('membership.updated')).count).toBe(before.count + 1);
  });

  it('refuses to demote the last ADMIN with LAST_ADMIN and changes nothing', async () => {
    const organisation = await world.createOrganisation();
    const before = await countRows(server, 'activity_entry');
    const data = await world.people.admin.client.query(UPDATE, { id: organisation.memberships.admin.id, role: 'MEMBER' });
    expect(data.membershipUpdate).toEqual({ membership: null, userErrors: [{ code: 'LAST_ADMIN', field: ['input', 'role'] }] });
    const [row] = await server.sql<{ role: string }>('select role from membership where id = ?', [organisation.memberships.admin.uuid]);
    expect(row!.role).toBe('ADMIN');
    expect(await countRows(server, 'activity_entry')).toBe(before);
  });

  it('lets an ADMIN step down once another ADMIN exists, and the payload shows their new capabilities', async () => {
    const organisation = await world.createOrganisation();
    await world.people.admin.client.query(UPDATE, { id: organisation.memberships.coordinator.id, role: 'ADMIN' });
    const data = await world.people.admin.client.query(
      `mutation ($id: ID!) { membershipUpdate(id: $id, input: { role: MEMBER }) {
        membership { role organisation { viewerRole viewerCanManageMembers } } userErrors { code } } }`,
      { id: organisation.memberships.admin.id },
    );
    expect(data.membershipUpdate).toEqual({
      membership: { role: 'MEMBER', organisation: { viewerRole: 'MEMBER', viewerCanManageMembers: false } },
      userErrors: [],
    });
  });

  it('answers NOT_FOUND for an unknown membership', async () => {
    const data = await world.people.admin.client.query(UPDATE, { id: world.organisation.id, role: 'MEMBER' });
    expect(data.membershipUpdate.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
  });
});

describe('membershipRemove', () => {
  it('lets an ADMIN remove a member, on behalf of the organisation', async () => {
    const organisation = await world.createOrganisation();
    const before = await activity('membership.removed');
    const data = await world.people.admin.client.query(REMOVE, { id: organisation.memberships.subject.id });
    expect(data.membershipRemove).toEqual({
      membership: { id: organisation.memberships.subject.id, role: 'MEMBER' },
      organisation: { id: organisation.id, memberCount: 3 },
      userErrors: [],
    });
    expect(await activity('membership.removed')).toEqual({ count: before.count + 1, onBehalfOf: organisation.uuid });
  });

  it('lets a member leave on their own', async () => {
    const organisation = await world.createOrganisation();
    const data = await world.people.member.client.query(
      `mutation ($id: ID!) { membershipRemove(id: $id) { organisation { memberCount viewerRole members { totalCount } } userErrors { code } } }`,
      { id: organisation.memberships.member.id },
    );
    expect(data.membershipRemove).toEqual({ organisation: { memberCount: 3, viewerRole: null, members: null }, userErrors: [] });
    const [entry] = await server.sql<{ on_behalf_of_id: string | null; actor_id: string }>(
      `select on_behalf_of_id, actor_id from activity_entry where action = 'membership.removed' order by created_at desc, id desc limit 1`,
    );
    expect(entry).toEqual({ on_behalf_of_id: null, actor_id: world.people.member.uuid });
  });

  it("refuses a member removing someone else's membership", async () => {
    const organisation = await world.createOrganisation();
    const data = await world.people.member.client.query(REMOVE, { id: organisation.memberships.subject.id });
    expect(data.membershipRemove.userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);
  });

  it('refuses the last ADMIN leaving other members behind with LAST_ADMIN', async () => {
    const organisation = await world.createOrganisation();
    const before = await countRows(server, 'membership');
    const data = await world.people.admin.client.query(REMOVE, { id: organisation.memberships.admin.id });
    expect(data.membershipRemove.userErrors).toEqual([{ code: 'LAST_ADMIN', field: ['id'] }]);
    expect(await countRows(server, 'membership')).toBe(before);
  });

  it('lets the only member, an ADMIN, leave', async () => {
    const organisation = await insertOrganisation(server, { name: '一人组织', regionUuid: world.regions.villageA.uuid });
    const membership = await insertMembership(server, world.people.admin, organisation, 'ADMIN');
    const data = await world.people.admin.client.query(REMOVE, { id: membership.id });
    expect(data.membershipRemove.userErrors).toEqual([]);
    expect(data.membershipRemove.organisation.memberCount).toBe(0);
  });
});

describe('Person.memberships', () => {
  it("shows a stranger none of a person's memberships, and a co-member the shared one", async () => {
    const query = `query ($id: ID!) { person(id: $id) { memberships { organisation { id } } } }`;
    const stranger = await world.people.resident.client.query(query, { id: world.people.subject.id });
    expect(stranger.person.memberships).toEqual([]);
    const coMember = await world.people.member.client.query(query, { id: world.people.subject.id });
    expect(coMember.person.memberships).toContainEqual({ organisation: { id: world.organisation.id } });
    const own = await world.people.subject.client.query(query, { id: world.people.subject.id });
    expect(own.person.memberships.length).toBeGreaterThanOrEqual(coMember.person.memberships.length);
  });
});

describe('node', () => {
  it('returns a membership to those who may see it and null to others', async () => {
    const query = `query ($id: ID!) { node(id: $id) { ... on Membership { role } } }`;
    const id = world.organisation.memberships.subject.id;
    expect((await world.people.member.client.query(query, { id })).node).toEqual({ role: 'MEMBER' });
    expect((await world.people.subject.client.query(query, { id })).node).toEqual({ role: 'MEMBER' });
    expect((await world.people.resident.client.query(query, { id })).node).toBeNull();
    expect((await server.client().query(query, { id })).node).toBeNull();
  });
});
