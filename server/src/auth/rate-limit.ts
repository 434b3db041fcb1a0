import type { EntityManager } from '@mikro-orm/postgresql';

/** Failed sign-ins allowed per window: per account identifier, and per client IP. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

export function attemptKeys(identifier: string, ip: string): { account: string; ip: string } {
  return { account: `account:${identifier.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

/**
 * Minutes until the caller may try again, or 0. Keyed on what was typed, not on whether an account
 * exists, so the answer never reveals which accounts exist.
 */
export async function signInBlockedMinutes(em: EntityManager, keys: { account: string; ip: string }, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const rows = await em.getConnection().execute<{ key: string; failures: string; oldest: Date }[]>(
    `select key, count(*) as failures, min(at) as oldest from sign_in_attempt
      where key in (?, ?) and at > ? group by key`,
    [keys.account, keys.ip, since],
  );
  let blockedUntil = 0;
  for (const row of rows) {
    const limit = row.key === keys.account ? SIGN_IN_LIMITS.perAccount : SIGN_IN_LIMITS.perIp;
    if (Number(row.failures) >= limit) {
      blockedUntil = Math.max(blockedUntil, new Date(row.oldest).getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000);
    }
  }
  return blockedUntil > now.getTime() ? Math.ceil((blockedUntil - now.getTime()) / 60_000) : 0;
}

export async function recordFailedSignIn(em: EntityManager, keys: { account: string; ip: string }, now: Date): Promise<void> {
  await em.getConnection().execute('insert into sign_in_attempt (key, at) values (?, ?), (?, ?)', [keys.account, now, keys.ip, now]);
}

/** A successful sign-in clears the account's failures (not the IP's: one good password does not vouch for an IP). */
export async function clearFailedSignIns(em: EntityManager, keys: { account: string }): Promise<void> {
  await em.getConnection().execute('delete from sign_in_attempt where key = ?', [keys.account]);
}
