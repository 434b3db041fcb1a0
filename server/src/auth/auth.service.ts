import type { Context } from '../app/context.js';
import { fail, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { normaliseEmail, normaliseMobile } from '../common/validation/contact.js';
import { Person } from '../people/person.entity.js';
import { PersonTag } from '../people/person.enums.js';
import { decoyHash, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password.js';
import { beginPasswordAttempt, signInKeys, viewerKeys } from './rate-limit.js';
import { Session } from './session.entity.js';
import { hashSecret, newSecret, SESSION_COOKIE } from './tokens.js';

export interface SignInArgs {
  identifier: string;
  password: string;
}

export interface SignUpArgs {
  name: string;
  phone?: string | null;
  email?: string | null;
  password: string;
}

/** Opens a session: stores the token's hash and hands the token to the browser as an httpOnly cookie. */
async function openSession(ctx: Context, person: Person): Promise<void> {
  const token = newSecret();
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionDays * 86_400_000);
  ctx.em.create(Session, { tokenHash: hashSecret(token), person, expiresAt });
  await ctx.em.flush();
  ctx.cookies?.set(SESSION_COOKIE, token, { maxAgeSeconds: ctx.config.sessionDays * 86_400 });
  ctx.auth = { personUuid: person.uuid };
}

function checkPassword(validator: Validator, field: string[], password: string): void {
  if ([...password].length < PASSWORD_MIN) {
    validator.add(UserErrorCode.INVALID, field, `password must be at least ${PASSWORD_MIN} characters`);
  } else if ([...password].length > PASSWORD_MAX) {
    validator.add(UserErrorCode.TOO_LONG, field, `password must be at most ${PASSWORD_MAX} characters`);
  }
}

/** Finds the account by mobile number or email, whichever the identifier is. */
export async function findByIdentifier(ctx: Context, identifier: string): Promise<Person | null> {
  const phone = normaliseMobile(identifier);
  if (phone) {
    return ctx.em.findOne(Person, { phone, deletedAt: null });
  }
  const email = normaliseEmail(identifier);
  return email ? ctx.em.findOne(Person, { email, deletedAt: null }) : null;
}

export async function signIn(ctx: Context, args: SignInArgs): Promise<Result<Person>> {
  const attempt = await beginPasswordAttempt(ctx.em, signInKeys(args.identifier, ctx.ip), ctx.clock.now());
  if (attempt.refused) {
    return attempt.refused;
  }
  const person = await findByIdentifier(ctx, args.identifier);
  // Verify against a decoy when there is no account, so timing does not tell whether one exists.
  const valid = await verifyPassword(person?.passwordHash ?? (await decoyHash()), args.password);
  if (!person || !person.passwordHash || !valid) {
    return fail(UserErrorCode.INVALID_CREDENTIALS, 'The account or password is wrong');
  }
  await attempt.succeeded();
  await openSession(ctx, person);
  return ok(person);
}

/**
 * Re-confirms the signed-in viewer's password before a change only its owner may make, under the same
 * limits as signing in (`rate-limit.ts`): RATE_LIMITED while too many were wrong, else INVALID_CREDENTIALS
 * on `field` when this one is.
 */
export async function confirmViewerPassword(ctx: Context, person: Person, password: string, field: string[]): Promise<Result<true>> {
  const attempt = await beginPasswordAttempt(ctx.em, viewerKeys(person.uuid, ctx.ip), ctx.clock.now());
  if (attempt.refused) {
    return attempt.refused;
  }
  if (!person.passwordHash || !(await verifyPassword(person.passwordHash, password))) {
    return fail(UserErrorCode.INVALID_CREDENTIALS, 'The password is wrong', field);
  }
  await attempt.succeeded();
  return ok(true);
}

export async function signUp(ctx: Context, args: SignUpArgs): Promise<Result<Person>> {
  const validator = new Validator();
  const name = validator.text(['input', 'name'], args.name, { max: 50 });
  const phone = args.phone?.trim() ? normaliseMobile(args.phone) : undefined;
  const email = args.email?.trim() ? normaliseEmail(args.email) : undefined;
  if (args.phone?.trim() && !phone) {
    validator.add(UserErrorCode.INVALID, ['input', 'phone'], 'phone must be a mainland mobile number of 11 digits, e.g. 13812345678');
  }
  if (args.email?.trim() && !email) {
    validator.add(UserErrorCode.INVALID, ['input', 'email'], 'email is not a valid address');
  }
  if (!args.phone?.trim() && !args.email?.trim()) {
    validator.add(UserErrorCode.REQUIRED, ['input', 'phone'], 'a phone number or an email is required');
  }
  checkPassword(validator, ['input', 'password'], args.password);
  if (!validator.ok) {
    return { ok: false, errors: validator.errors };
  }
  if (phone && (await ctx.em.count(Person, { phone }))) {
    return fail(UserErrorCode.ALREADY_EXISTS, 'An account with this phone number exists; sign in instead', ['input', 'phone']);
  }
  if (email && (await ctx.em.count(Person, { email }))) {
    return fail(UserErrorCode.ALREADY_EXISTS, 'An account with this email exists; sign in instead', ['input', 'email']);
  }
  const person = ctx.em.create(Person, {
    name: name!,
    phone: phone ?? null,
    email: email ?? null,
    passwordHash: await hashPassword(args.password),
    tags: [PersonTag.RESIDENT],
  });
  await openSession(ctx, person);
  return ok(person);
}

export async function signOut(ctx: Context): Promise<Result<true>> {
  if (ctx.auth?.sessionUuid) {
    await ctx.em.nativeDelete(Session, { uuid: ctx.auth.sessionUuid });
  }
  ctx.cookies?.clear(SESSION_COOKIE);
  ctx.auth = undefined;
  return ok(true);
}

export async function passwordChange(ctx: Context, args: { currentPassword: string; newPassword: string }): Promise<Result<Person>> {
  const person = await ctx.em.findOneOrFail(Person, { uuid: ctx.auth!.personUuid });
  const confirmed = await confirmViewerPassword(ctx, person, args.currentPassword, ['input', 'currentPassword']);
  if (!confirmed.ok) {
    return confirmed;
  }
  const validator = new Validator();
  checkPassword(validator, ['input', 'newPassword'], args.newPassword);
  if (!validator.ok) {
    return { ok: false, errors: validator.errors };
  }
  person.passwordHash = await hashPassword(args.newPassword);
  // A new password ends every other session: whoever knew the old one is signed out.
  await ctx.em.nativeDelete(Session, { person, uuid: { $ne: ctx.auth!.sessionUuid ?? null } });
  await ctx.em.flush();
  return ok(person);
}
