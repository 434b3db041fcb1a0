import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { countRows, PASSWORD, signUp, uniquePhone } from '../support/tiny-world.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(() => server?.stop());

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { person { id name } } userErrors { code field message } } }`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { viewer { person { id } } userErrors { code field } } }`;
const VIEWER = `{ viewer { person { id } } }`;

type SignInResult = { viewer: { person: { id: string } } | null; userErrors: { code: string; field: string[] | null; message: string }[] };

let ipCounter = 0;
/** A fresh client address (the server trusts X-Forwarded-For from loopback), so per-IP limits of one test do not leak into another. */
function freshIp(): string {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}

/** Signs in from a given client address, without keeping a session. */
async function signInFrom(ip: string, identifier: string, password: string): Promise<SignInResult> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { identifier, password } } }),
  });
  const body = (await response.json()) as { data: { signIn: SignInResult } };
  return body.data.signIn;
}

describe('signIn', () => {
  it('signs in with a mobile number and signs out again', async () => {
    const person = await signUp(server, '登录测试', uniquePhone());
    const client = server.client();
    const data = await client.query(SIGN_IN, { input: { identifier: person.phone, password: PASSWORD } });
    expect(data.signIn).toEqual({ viewer: { person: { id: person.id, name: '登录测试' } }, userErrors: [] });
    expect((await client.query(VIEWER)).viewer.person.id).toBe(person.id);
    const out = await client.query(`mutation { signOut { userErrors { code } } }`);
    expect(out.signOut.userErrors).toEqual([]);
    expect((await client.query(VIEWER)).viewer).toBeNull();
  });

  it('gives a wrong password and an unknown account exactly the same answer', async () => {
    const person = await signUp(server, '密码错误', uniquePhone());
    const wrongPassword = await signInFrom(freshIp(), person.phone, 'not-the-password');
    const unknownAccount = await signInFrom(freshIp(), '13700000000', 'not-the-password');
    expect(wrongPassword).toEqual({
      viewer: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: null, message: expect.any(String) }],
    });
    expect(unknownAccount).toEqual(wrongPassword);
  });

  it('answers RATE_LIMITED after 5 failures for an account, even with the right password, until the window passes', async () => {
    const person = await signUp(server, '限流账号', uniquePhone());
    const ip = freshIp();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signInFrom(ip, person.phone, 'wrong-password')).userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
    }
    // From another address too: the limit protects the account, not just one client.
    expect((await signInFrom(freshIp(), person.phone, PASSWORD)).userErrors[0]!.code).toBe('RATE_LIMITED');
    server.clock.advance(16 * 60_000);
    expect((await signInFrom(freshIp(), person.phone, PASSWORD)).userErrors).toEqual([]);
  });

  it('limits an unknown account exactly like a real one, so the limit reveals nothing', async () => {
    const ip = freshIp();
    const known = await signUp(server, '已知账号', uniquePhone());
    const unknown = '13711111111';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signInFrom(ip, known.phone, 'wrong-password');
      await signInFrom(ip, unknown, 'wrong-password');
    }
    const limitedKnown = await signInFrom(freshIp(), known.phone, 'wrong-password');
    const limitedUnknown = await signInFrom(freshIp(), unknown, 'wrong-password');
    expect(limitedKnown.userErrors[0]!.code).toBe('RATE_LIMITED');
    expect(limitedUnknown).toEqual(limitedKnown);
    server.clock.advance(16 * 60_000);
  });

  it('counts one account however its mobile number is written', async () => {
    const person = await signUp(server, '号码写法', uniquePhone());
    const [head, middle, tail] = [person.phone.slice(0, 3), person.phone.slice(3, 7), person.phone.slice(7)];
    const spellings = [
      `+86${person.phone}`,
      `86${person.phone}`,
      `${head} ${middle} ${tail}`,
      `${head}-${middle}-${tail}`,
      `+86 ${head} ${middle}${tail}`,
    ];
    for (const spelling of spellings) {
      expect((await signInFrom(freshIp(), spelling, 'wrong-password')).userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await signInFrom(freshIp(), person.phone, PASSWORD)).userErrors[0]!.code).toBe('RATE_LIMITED');
    server.clock.advance(16 * 60_000);
  });

  it('limits one client address after 30 failures across accounts, and not other addresses', async () => {
    const person = await signUp(server, 'IP限流', uniquePhone());
    const ip = freshIp();
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await signInFrom(ip, `1360000${String(attempt).padStart(4, '0')}`, 'wrong-password');
    }
    expect((await signInFrom(ip, person.phone, PASSWORD)).userErrors[0]!.code).toBe('RATE_LIMITED');
    expect((await signInFrom(freshIp(), person.phone, PASSWORD)).userErrors).toEqual([]);
    server.clock.advance(16 * 60_000);
  });
});

describe('signUp', () => {
  it('stores an argon2id hash of the password, never the password', async () => {
    const person = await signUp(server, '哈希检查', uniquePhone());
    const [row] = await server.sql<{ password_hash: string }>('select password_hash from person where id = ?', [person.uuid]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
  });

  it.each([
    ['a phone that is no mobile number', { phone: '12345' }, 'INVALID', ['input', 'phone']],
    ['an invalid email', { phone: null, email: 'nobody@' }, 'INVALID', ['input', 'email']],
    ['neither phone nor email', { phone: null }, 'REQUIRED', ['input', 'phone']],
    ['a password under 8 characters', { password: 'short' }, 'INVALID', ['input', 'password']],
    ['an empty name', { name: ' ' }, 'REQUIRED', ['input', 'name']],
  ])('refuses %s with %s and creates no account', async (_case, override, code, field) => {
    const before = await countRows(server, 'person');
    const client = server.client();
    const data = await client.query(SIGN_UP, { input: { name: '新用户', phone: uniquePhone(), password: PASSWORD, ...override } });
    expect(data.signUp).toEqual({ viewer: null, userErrors: [{ code, field }] });
    expect(await countRows(server, 'person')).toBe(before);
    expect((await client.query(VIEWER)).viewer).toBeNull();
  });

  it('refuses a phone or an email that an account already has with ALREADY_EXISTS', async () => {
    const person = await signUp(server, '重复', uniquePhone());
    const phone = await server.client().query(SIGN_UP, { input: { name: '重复二', phone: person.phone, password: PASSWORD } });
    expect(phone.signUp.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'phone'] }]);
    await server.client().query(SIGN_UP, { input: { name: '邮箱', email: 'same@example.cn', password: PASSWORD } });
    const email = await server.client().query(SIGN_UP, { input: { name: '邮箱二', email: 'SAME@example.cn', password: PASSWORD } });
    expect(email.signUp.userErrors).toEqual([{ code: 'ALREADY_EXISTS', field: ['input', 'email'] }]);
  });
});

describe('passwordChange', () => {
  const CHANGE = `mutation ($input: PasswordChangeInput!) { passwordChange(input: $input) { viewer { person { id } } userErrors { code field } } }`;

  it('ends the other sessions, keeps this one, and only the new password signs in', async () => {
    const person = await signUp(server, '改密码', uniquePhone());
    const other = await server.signedIn(person.phone, PASSWORD);
    const data = await person.client.query(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' } });
    expect(data.passwordChange.userErrors).toEqual([]);
    expect((await person.client.query(VIEWER)).viewer.person.id).toBe(person.id);
    expect((await other.query(VIEWER)).viewer).toBeNull();
    expect((await signInFrom(freshIp(), person.phone, PASSWORD)).userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
    expect((await signInFrom(freshIp(), person.phone, 'a-brand-new-password')).userErrors).toEqual([]);
  });

  it('refuses a wrong current password', async () => {
    const person = await signUp(server, '改密码失败', uniquePhone());
    const data = await person.client.query(CHANGE, { input: { currentPassword: 'not-it', newPassword: 'a-brand-new-password' } });
    expect(data.passwordChange.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'] }]);
  });

  it('answers RATE_LIMITED after 5 wrong current passwords, in any session, even the right one, until the window passes', async () => {
    const person = await signUp(server, '改密码限流', uniquePhone());
    const otherSession = await server.signedIn(person.phone, PASSWORD);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const data = await person.client.query(CHANGE, {
        input: { currentPassword: 'guess-' + attempt, newPassword: 'a-brand-new-password' },
      });
      expect(data.passwordChange.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'] }]);
    }
    const right = { input: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' } };
    const limited = await otherSession.request<any>(
      `mutation ($input: PasswordChangeInput!) { passwordChange(input: $input) { viewer { person { id } } userErrors { code field message } } }`,
      right,
    );
    expect(limited.data!.passwordChange).toEqual({
      viewer: null,
      userErrors: [{ code: 'RATE_LIMITED', field: null, message: expect.stringMatching(/try again in 15 minutes/) }],
    });
    // The lock-out is the person's own: signing in (which must not tell strangers the account exists) is not affected.
    expect((await signInFrom(freshIp(), person.phone, PASSWORD)).userErrors).toEqual([]);
    server.clock.advance(16 * 60_000);
    expect((await person.client.query(CHANGE, right)).passwordChange.userErrors).toEqual([]);
  });

  it('counts wrong passwords sent at the same moment against each other', async () => {
    const person = await signUp(server, '并发猜密码', uniquePhone());
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, guess) =>
        person.client.query(CHANGE, { input: { currentPassword: `guess-${guess}`, newPassword: 'a-brand-new-password' } }),
      ),
    );
    const codes = answers.map((data) => data.passwordChange.userErrors[0]!.code as string);
    expect(codes.filter((code) => code !== 'INVALID_CREDENTIALS' && code !== 'RATE_LIMITED')).toEqual([]);
    // Only 5 guesses were checked; the rest were refused unchecked.
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5);
    server.clock.advance(16 * 60_000);
  });

  it('is refused to a signed-out caller', async () => {
    const response = await server.client().request(CHANGE, { input: { currentPassword: 'x', newPassword: 'yyyyyyyyyy' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('apiTokenCreate', () => {
  it('creates a token that works as Bearer until it is revoked', async () => {
    const person = await signUp(server, '令牌', uniquePhone());
    const created = await person.client.query(
      `mutation { apiTokenCreate(input: { name: "集成" }) { apiToken { id name } secret userErrors { code } } }`,
    );
    expect(created.apiTokenCreate.secret).toMatch(/^gz_/);
    const integration = server.client();
    integration.bearer = created.apiTokenCreate.secret;
    expect((await integration.query(VIEWER)).viewer.person.id).toBe(person.id);
    const [row] = await server.sql<{ token_hash: string }>('select token_hash from api_token where person_id = ?', [person.uuid]);
    expect(row!.token_hash).not.toContain(created.apiTokenCreate.secret);

    // Someone else cannot revoke it: it is "not found" to them.
    const stranger = await signUp(server, '旁人', uniquePhone());
    const REVOKE = `mutation ($id: ID!) { apiTokenRevoke(id: $id) { apiToken { id revokedAt } userErrors { code field } } }`;
    const refused = await stranger.client.query(REVOKE, { id: created.apiTokenCreate.apiToken.id });
    expect(refused.apiTokenRevoke.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    expect((await integration.query(VIEWER)).viewer).not.toBeNull();

    const revoked = await person.client.query(REVOKE, { id: created.apiTokenCreate.apiToken.id });
    expect(revoked.apiTokenRevoke.apiToken.revokedAt).not.toBeNull();
    expect((await integration.query(VIEWER)).viewer).toBeNull();
  });

  it('lists the viewer’s tokens without their secrets', async () => {
    const person = await signUp(server, '令牌列表', uniquePhone());
    await person.client.query(`mutation { apiTokenCreate(input: { name: "报表" }) { userErrors { code } } }`);
    const data = await person.client.query(`{ viewer { apiTokens { name lastUsedAt revokedAt } } }`);
    expect(data.viewer.apiTokens).toEqual([{ name: '报表', lastUsedAt: null, revokedAt: null }]);
  });
});
