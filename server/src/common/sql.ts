import type { EntityManager } from '@mikro-orm/postgresql';
/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Takes transaction-scoped advisory locks on text keys, in a fixed order so two transactions never
 * deadlock on them. Serialises "check it is free, then insert it" for values no unique index guards
 * (or to answer ALREADY_EXISTS rather than trip over the index).
 */
export async function lockKeys(em: EntityManager, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (!sorted.length) {
    return;
  }
  await em
    .getConnection()
    .execute(`select ${sorted.map(() => 'pg_advisory_xact_lock(hashtext(?))').join(', ')}`, sorted, 'all', em.getTransactionContext());
}
