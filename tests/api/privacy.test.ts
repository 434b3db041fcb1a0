import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  buildTinyWorld,
  countRows,
  insertMembership,
  insertOrganisation,
  PASSWORD,
  signUp,
  uniquePhone,
  type PersonRef,
  type TinyWorld,
} from '../support/tiny-world.js';

let server: TestServer;
let world: TinyWorld;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  world = await buildTinyWorld(server);
});
afterAll(() => server?.stop());

const EXPORT = `mutation { viewerDataExport { fileName json userErrors { code } } }`;
const DELETE = `mutation ($password: String!) { viewerDelete(input: { password: $password }) { deleted userErrors { code field } } }`;

/** A person with a profile, a membership, an API token and some activity of their own. */
async function personWithHistory(name: string): Promise<PersonRef & { secret: string; organisationId: string }> {
  const person = await signUp(server, name, uniquePhone());
  await person.client.query(
    `mutation ($id: ID!) { personUpdate(id: $id, input: { address: "甲街道幸福路8号", skills: ["摄影"] }) { userErrors { code } } }`,
    {
      id: person.id,
    },
  );
  const created = await person.client.query(
    `mutation ($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id } userErrors { code } } }`,
    { input: { name: `${name}的摄影协会`, kind: 'SOCIAL_ORGANISATION', regionId: world.regions.villageA.id } },
  );
  const token = await person.client.query(`mutation { apiTokenCreate(input: { name: "导出测试" }) { secret userErrors { code } } }`);
  return { ...person, secret: token.apiTokenCreate.secret, organisationId: created.organisationCreate.organisation.id };
}

describe('viewerDataExport', () => {
  it("contains the viewer's data, unmasked, and no one else's", async () => {
    const person = await personWithHistory('导出人');
    // Someone else in the same organisation, whose data must not appear.
    await person.client.query(`mutation ($input: MembershipAddInput!) { membershipAdd(input: $input) { userErrors { code } } }`, {
      input: { organisationId: person.organisationId, identifier: world.people.subject.phone, role: 'MEMBER' },
    });
    const data = await person.client.query(EXPORT);
    expect(data.viewerDataExport.userErrors).toEqual([]);
    expect(data.viewerDataExport.fileName).toMatch(/^gongzhi-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(data.viewerDataExport.json);
    expect(exported.person).toMatchObject({
      id: person.id,
      name: '导出人',
      phone: person.phone,
      address: '甲街道幸福路8号',
      skills: ['摄影'],
    });
    expect(exported.memberships).toEqual([
      expect.objectContaining({ role: 'ADMIN', organisation: { id: person.organisationId, name: '导出人的摄影协会' } }),
    ]);
    expect(exported.apiTokens).toEqual([expect.objectContaining({ name: '导出测试', revokedAt: null })]);
    expect(exported.sessions.length).toBeGreaterThan(0);
    expect(exported.activity.map((entry: { action: string }) => entry.action)).toEqual([
      'person.updated',
      'organisation.created',
      'membership.added',
    ]);
    const text = data.viewerDataExport.json;
    expect(text).not.toContain(person.secret);
    expect(text).not.toContain(world.people.subject.phone);
    expect(text).not.toContain(world.people.subject.name);
    expect(text).not.toMatch(/password|token_?hash/i);
  });

  it('is refused to a signed-out caller', async () => {
    const response = await server.client().request(EXPORT);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('viewerDelete', () => {
  it('refuses a wrong password with INVALID_CREDENTIALS and changes nothing', async () => {
    const person = await personWithHistory('不删的人');
    const [before] = await server.sql('select * from person where id = ?', [person.uuid]);
    const data = await person.client.query(DELETE, { password: 'wrong-password' });
    expect(data.viewerDelete).toEqual({ deleted: false, userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'password'] }] });
    expect((await server.sql('select * from person where id = ?', [person.uuid]))[0]).toEqual(before);
    expect((await person.client.query(`{ viewer { person { id } } }`)).viewer).not.toBeNull();
  });

  it('answers RATE_LIMITED after 5 wrong passwords, counted with passwordChange, and deletes with the right one after the window', async () => {
    const person = await signUp(server, '猜密码注销', uniquePhone());
    const CHANGE = `mutation ($input: PasswordChangeInput!) { passwordChange(input: $input) { userErrors { code } } }`;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await person.client.query(DELETE, { password: `guess-${attempt}` })).viewerDelete.userErrors[0].code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    // One rule for every re-confirmation of the password: the guesses add up across mutations.
    for (let attempt = 3; attempt < 5; attempt += 1) {
      const input = { currentPassword: `guess-${attempt}`, newPassword: 'a-brand-new-password' };
      expect((await person.client.query(CHANGE, { input })).passwordChange.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const limited = await person.client.query(DELETE, { password: PASSWORD });
    expect(limited.viewerDelete).toEqual({ deleted: false, userErrors: [{ code: 'RATE_LIMITED', field: null }] });
    const [row] = await server.sql<{ deleted_at: Date | null }>('select deleted_at from person where id = ?', [person.uuid]);
    expect(row!.deleted_at).toBeNull();

    // The export lists them; the erasure removes them with the account.
    const exported = JSON.parse((await person.client.query(EXPORT)).viewerDataExport.json);
    expect(exported.failedConfirmations).toHaveLength(5);
    server.clock.advance(16 * 60_000);
    expect((await person.client.query(DELETE, { password: PASSWORD })).viewerDelete).toEqual({ deleted: true, userErrors: [] });
    const left = await server.sql('select 1 from sign_in_attempt where key = ?', [`person:${person.uuid}`]);
    expect(left).toEqual([]);
  });

  it('refuses the last ADMIN of an organisation with other members with LAST_ADMIN', async () => {
    const person = await signUp(server, '唯一管理员', uniquePhone());
    const organisation = await insertOrganisation(server, { name: '有成员的组织', regionUuid: world.regions.villageA.uuid });
    await insertMembership(server, person, organisation, 'ADMIN');
    await insertMembership(server, world.people.member, organisation, 'MEMBER');
    const data = await person.client.query(DELETE, { password: PASSWORD });
    expect(data.viewerDelete).toEqual({ deleted: false, userErrors: [{ code: 'LAST_ADMIN', field: null }] });
    const [row] = await server.sql<{ deleted_at: Date | null }>('select deleted_at from person where id = ?', [person.uuid]);
    expect(row!.deleted_at).toBeNull();
  });

  it('anonymises the person, ends every way in, keeps the activity log, and the account no longer signs in', async () => {
    const person = await personWithHistory('注销人');
    const otherBrowser = await server.signedIn(person.phone, PASSWORD);
    const tokenClient = server.client();
    tokenClient.bearer = person.secret;
    expect((await tokenClient.query(`{ viewer { person { id } } }`)).viewer).not.toBeNull();
    const [{ count: entriesBefore }] = await server.sql<{ count: number }>(
      'select count(*)::int as count from activity_entry where actor_id = ?',
      [person.uuid],
    );
    const allEntriesBefore = await countRows(server, 'activity_entry');

    const data = await person.client.query(DELETE, { password: PASSWORD });
    expect(data.viewerDelete).toEqual({ deleted: true, userErrors: [] });

    // Signed out everywhere: this browser (cookie cleared), the other browser, the API token.
    expect(person.client.signedInCookie).toBeUndefined();
    expect((await person.client.query(`{ viewer { person { id } } }`)).viewer).toBeNull();
    expect((await otherBrowser.query(`{ viewer { person { id } } }`)).viewer).toBeNull();
    expect((await tokenClient.query(`{ viewer { person { id } } }`)).viewer).toBeNull();

    const [row] = await server.sql<Record<string, unknown>>(
      'select name, phone, email, address, password_hash, skills, tags, residence_region_id, deleted_at from person where id = ?',
      [person.uuid],
    );
    expect(row).toMatchObject({
      name: '已注销用户',
      phone: null,
      email: null,
      address: null,
      password_hash: null,
      skills: [],
      residence_region_id: null,
    });
    expect(row!.deleted_at).not.toBeNull();
    for (const table of ['session', 'api_token', 'membership', 'region_role']) {
      const [left] = await server.sql<{ count: number }>(`select count(*)::int as count from ${table} where person_id = ?`, [person.uuid]);
      expect(left!.count, table).toBe(0);
    }
    // History stays: the old entries plus one for the deletion, all still pointing at the anonymised person.
    const [{ count: entriesAfter }] = await server.sql<{ count: number }>(
      'select count(*)::int as count from activity_entry where actor_id = ?',
      [person.uuid],
    );
    expect(entriesAfter).toBe(entriesBefore + 1);
    expect(await countRows(server, 'activity_entry')).toBe(allEntriesBefore + 1);

    const signIn = await server
      .client()
      .query(`mutation ($input: SignInInput!) { signIn(input: $input) { viewer { person { id } } userErrors { code } } }`, {
        input: { identifier: person.phone, password: PASSWORD },
      });
    expect(signIn.signIn).toEqual({ viewer: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect(
      (await world.people.platformAdmin.client.query(`query ($id: ID!) { person(id: $id) { id } }`, { id: person.id })).person,
    ).toBeNull();

    // The phone number is free again for a new account.
    await signUp(server, '新用户', person.phone);
  });

  it('lets the only member of an organisation, its ADMIN, delete the account', async () => {
    const person = await personWithHistory('独自一人');
    const data = await person.client.query(DELETE, { password: PASSWORD });
    expect(data.viewerDelete.deleted).toBe(true);
    const organisation = await world.people.platformAdmin.client.query(`query ($id: ID!) { organisation(id: $id) { memberCount } }`, {
      id: person.organisationId,
    });
    expect(organisation.organisation.memberCount).toBe(0);
  });
});

describe('viewerDelete of a platform administrator', () => {
  it('refuses the last platform administrator with LAST_ADMIN and allows it once there is another', async () => {
    const admin = await signUp(server, '平台管理员甲', uniquePhone());
    const [row] = await server.sql<{ id: string }>('select id from person where name = ?', ['平台管理员甲']);
    await server.sql(`delete from region_role where role = 'PLATFORM_ADMIN'`);
    await server.sql(`insert into region_role (id, created_at, person_id, role) values (gen_random_uuid(), now(), ?, 'PLATFORM_ADMIN')`, [
      row!.id,
    ]);
    const refused = await admin.client.query(DELETE, { password: PASSWORD });
    expect(refused.viewerDelete).toEqual({ deleted: false, userErrors: [{ code: 'LAST_ADMIN', field: null }] });
    expect(await server.sql(`select deleted_at from person where id = ?`, [row!.id])).toEqual([{ deleted_at: null }]);

    const other = await signUp(server, '平台管理员乙', uniquePhone());
    const [otherRow] = await server.sql<{ id: string }>('select id from person where name = ?', ['平台管理员乙']);
    await server.sql(`insert into region_role (id, created_at, person_id, role) values (gen_random_uuid(), now(), ?, 'PLATFORM_ADMIN')`, [
      otherRow!.id,
    ]);
    const allowed = await admin.client.query(DELETE, { password: PASSWORD });
    expect(allowed.viewerDelete).toEqual({ deleted: true, userErrors: [] });
    expect(other.id).toBeTruthy();
  });
});
