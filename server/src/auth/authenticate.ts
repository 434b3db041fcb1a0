import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedExecute } from '../db/prepared-query.js';
import { ACTOR_COLUMNS, actorFromColumns, type Actor, type ActorColumns } from '../policy/actor.js';
import { API_TOKEN_PREFIX, bearerToken, hashSecret, sessionTokenFromCookie } from './tokens.js';

export interface Authentication {
  personUuid: string;
  sessionUuid?: string;
  apiTokenUuid?: string;
  /**
   * The caller's memberships and roles, read by the same statement as the session or token: the
   * request's context starts with it (`createContext`) instead of loading it again. Only as fresh as
   * that statement: long-lived holders of an Authentication (subscriptions) load actors per event.
   */
  actor?: Actor;
}

/**
 * Resolves who is calling from the session cookie (portal) or a Bearer API token (integrations), and
 * their actor, in one indexed query (prepared: every signed-in request runs it). Expired sessions, revoked tokens and deleted accounts authenticate
 * no one.
 */
export async function authenticate(
  em: EntityManager,
  headers: { cookie?: string; authorization?: string },
  now: Date,
): Promise<Authentication | undefined> {
  const bearer = bearerToken(headers.authorization);
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const [row] = await preparedExecute<{ id: string; person_id: string } & ActorColumns>(
      em,
      `update api_token t set last_used_at = ? from person p
        where t.token_hash = ? and t.revoked_at is null and p.id = t.person_id and p.deleted_at is null
        returning t.id, t.person_id, ${ACTOR_COLUMNS('t.person_id')}`,
      [now, hashSecret(bearer)],
    );
    return row ? { personUuid: row.person_id, apiTokenUuid: row.id, actor: actorFromColumns(row.person_id, row) } : undefined;
  }
  const token = sessionTokenFromCookie(headers.cookie);
  if (!token) {
    return undefined;
  }
  const [row] = await preparedExecute<{ id: string; person_id: string } & ActorColumns>(
    em,
    `select s.id, s.person_id, ${ACTOR_COLUMNS('s.person_id')} from session s join person p on p.id = s.person_id
      where s.token_hash = ? and s.expires_at > ? and p.deleted_at is null`,
    [hashSecret(token), now],
  );
  return row ? { personUuid: row.person_id, sessionUuid: row.id, actor: actorFromColumns(row.person_id, row) } : undefined;
}

/** What signed a caller in, as a key: `session:<uuid>` or `token:<uuid>`; undefined when signed out. */
export function credentialOf(auth: Authentication | undefined): string | undefined {
  if (auth?.sessionUuid) {
    return `session:${auth.sessionUuid}`;
  }
  return auth?.apiTokenUuid ? `token:${auth.apiTokenUuid}` : undefined;
}

/**
 * Which of these credentials (`credentialOf`) still sign their person in, in one statement for all:
 * the same conditions as `authenticate` — a session that has not expired nor been deleted (signed out,
 * ended by a password change), a token not revoked, an account not deleted. Live subscriptions ask
 * this at every event, for all their subscribers together (`activity/event-context.ts`).
 */
export async function credentialsStillValid(em: EntityManager, credentials: readonly string[], now: Date): Promise<Set<string>> {
  const uuidsOf = (kind: string) => credentials.filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1));
  // Each kind's uuids as one PostgreSQL array literal: one parameter, whatever the number of subscribers.
  const arrayOf = (uuids: string[]) => `{${uuids.join(',')}}`;
  const rows = await em.getConnection().execute<{ credential: string }[]>(
    `select 'session:' || s.id as credential from session s join person p on p.id = s.person_id
      where s.id = any(?::uuid[]) and s.expires_at > ? and p.deleted_at is null
     union all
     select 'token:' || t.id from api_token t join person p on p.id = t.person_id
      where t.id = any(?::uuid[]) and t.revoked_at is null and p.deleted_at is null`,
    [arrayOf(uuidsOf('session')), now, arrayOf(uuidsOf('token'))],
  );
  return new Set(rows.map((row) => row.credential));
}
