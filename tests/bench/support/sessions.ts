import type pg from 'pg';
import { hashSecret, newSecret, SESSION_COOKIE } from '@gongzhi/server/src/auth/tokens.js';

/**
 * Signs bench people in without passwords (generated people have none, and signing in over HTTP would
 * run into the sign-in rate limits): inserts `session` rows as the server stores them — only the
 * SHA-256 of the token — and returns each person's `Cookie` header, in the order given. A person may
 * appear more than once (one session each). Sessions authenticate with one `select`, unlike API tokens,
 * whose `last_used_at` is updated on every request, so they add no write to what a bench measures.
 * Insert them into a copy of the database (see database-copy.ts), never into the one the reads see.
 */
export async function issueSessions(client: pg.ClientBase, personUuids: readonly string[], days = 1): Promise<string[]> {
  const tokens = personUuids.map(() => newSecret());
  await client.query(
    `insert into session (id, created_at, token_hash, person_id, expires_at, last_seen_at)
     select gen_random_uuid(), now(), hash, person, now() + make_interval(days => $3), now()
       from unnest($1::text[], $2::uuid[]) as issued(hash, person)`,
    [tokens.map(hashSecret), personUuids, days],
  );
  return tokens.map((token) => `${SESSION_COOKIE}=${encodeURIComponent(token)}`);
}
