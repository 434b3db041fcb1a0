import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { normaliseEmail, normaliseMobile } from '../common/validation/contact.js';

/**
 * Wrong passwords allowed per window, wherever a password is checked: signing in, and the mutations
 * that re-confirm the viewer's password (passwordChange, viewerDelete). Per account, and per client IP.
 */
export const PASSWORD_LIMITS = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

/** The two counters (`sign_in_attempt.key`) one password check counts against. */
export interface AttemptKeys {
  account: string;
  ip: string;
}

/**
 * A sign-in counts against the identifier typed, normalised as accounts store it (so that
 * `+86 138-0000-0001` and `13800000001` share one counter), never against whether an account has it:
 * an unknown identifier is limited exactly like a known one, so the answer reveals nothing.
 */
export function signInKeys(identifier: string, ip: string): AttemptKeys {
  // No identifier is longer than an email may be (254); the cap keeps any input within the key's column.
  const typed = identifier.trim().toLowerCase().slice(0, 254);
  return { account: `account:${normaliseMobile(typed) ?? normaliseEmail(typed) ?? typed}`, ip: `ip:${ip}` };
}

/**
 * A signed-in person re-confirming their password counts against the person: changing the phone or
 * the email does not reset it, and signing in never consults it, so a lock-out here tells nobody who
 * probes sign-in that the account exists (and strangers' failed sign-ins do not lock the owner out).
 */
export function viewerKeys(personUuid: string, ip: string): AttemptKeys {
  return { account: `person:${personUuid}`, ip: `ip:${ip}` };
}

/** Every account counter of a person: what their data export shows and their erasure deletes. */
export function accountKeysOf(person: { uuid: string; phone?: string | null; email?: string | null }): string[] {
  const identifiers = [person.phone, person.email?.toLowerCase()].filter((identifier): identifier is string => !!identifier);
  return [...identifiers.map((identifier) => `account:${identifier}`), `person:${person.uuid}`];
}

export interface PasswordAttempt {
  /** Present when too many wrong passwords came within the window: return it instead of checking. */
  refused?: Result<never>;
  /** The password was right: forget the account's wrong ones (not the address's). Otherwise it counts as wrong. */
  succeeded(): Promise<void>;
}

/**
 * Starts checking a password. The attempt is counted as a wrong password before the password is
 * verified, and forgotten when `succeeded()` says it was right: guesses sent at the same moment count
 * against each other (each sees every one begun before it), so a burst gets no more tries than a
 * sequence, and anything that ends the check early counts as wrong.
 */
export async function beginPasswordAttempt(em: EntityManager, keys: AttemptKeys, now: Date): Promise<PasswordAttempt> {
  const connection = em.getConnection();
  const counted = await connection.execute<{ id: string }[]>('insert into sign_in_attempt (key, at) values (?, ?), (?, ?) returning id', [
    keys.account,
    now,
    keys.ip,
    now,
  ]);
  const ids = counted.map((row) => row.id);
  const minutes = await blockedMinutes(em, keys, now);
  if (minutes > 0) {
    // A refused attempt is not a wrong password: it must not stretch the lock-out.
    await connection.execute('delete from sign_in_attempt where id in (?, ?)', ids);
    return {
      refused: fail(UserErrorCode.RATE_LIMITED, `Too many wrong passwords; try again in ${minutes} minutes`),
      succeeded: () => Promise.resolve(),
    };
  }
  return {
    async succeeded() {
      // One right password does not vouch for the address: only this attempt leaves the IP's counter.
      await connection.execute('delete from sign_in_attempt where key = ? or id in (?, ?)', [keys.account, ...ids]);
    },
  };
}

/** Minutes until the counters (this attempt included) are back within their limits, or 0. */
async function blockedMinutes(em: EntityManager, keys: AttemptKeys, now: Date): Promise<number> {
  const since = new Date(now.getTime() - PASSWORD_LIMITS.windowMinutes * 60_000);
  const rows = await em.getConnection().execute<{ key: string; attempts: string; oldest: Date }[]>(
    `select key, count(*) as attempts, min(at) as oldest from sign_in_attempt
      where key in (?, ?) and at > ? group by key`,
    [keys.account, keys.ip, since],
  );
  let blockedUntil = 0;
  for (const row of rows) {
    const limit = row.key === keys.account ? PASSWORD_LIMITS.perAccount : PASSWORD_LIMITS.perIp;
    if (Number(row.attempts) > limit) {
      blockedUntil = Math.max(blockedUntil, new Date(row.oldest).getTime() + PASSWORD_LIMITS.windowMinutes * 60_000);
    }
  }
  return blockedUntil > now.getTime() ? Math.ceil((blockedUntil - now.getTime()) / 60_000) : 0;
}
