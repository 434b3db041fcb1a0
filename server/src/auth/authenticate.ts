import type { EntityManager } from '@mikro-orm/postgresql';
import { API_TOKEN_PREFIX, bearerToken, hashSecret, sessionTokenFromCookie } from './tokens.js';

export interface Authentication {
  personUuid: string;
  sessionUuid?: string;
  apiTokenUuid?: string;
}

/**
 * Resolves who is calling from the session cookie (portal) or a Bearer API token (integrations), in one
 * indexed query. Expired sessions, revoked tokens and deleted accounts authenticate no one.
 */
export async function authenticate(
  em: EntityManager,
  headers: { cookie?: string; authorization?: string },
  now: Date,
): Promise<Authentication | undefined> {
  const bearer = bearerToken(headers.authorization);
  const connection = em.getConnection();
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const [row] = await connection.execute<{ id: string; person_id: string }[]>(
      `update api_token t set last_used_at = ? from person p
        where t.token_hash = ? and t.revoked_at is null and p.id = t.person_id and p.deleted_at is null
        returning t.id, t.person_id`,
      [now, hashSecret(bearer)],
    );
    return row ? { personUuid: row.person_id, apiTokenUuid: row.id } : undefined;
  }
  const token = sessionTokenFromCookie(headers.cookie);
  if (!token) {
    return undefined;
  }
  const [row] = await connection.execute<{ id: string; person_id: string }[]>(
    `select s.id, s.person_id from session s join person p on p.id = s.person_id
      where s.token_hash = ? and s.expires_at > ? and p.deleted_at is null`,
    [hashSecret(token), now],
  );
  return row ? { personUuid: row.person_id, sessionUuid: row.id } : undefined;
}
