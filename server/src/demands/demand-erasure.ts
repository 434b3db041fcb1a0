import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * PIPL erasure for demand tickets: when a resident deletes their account, the contact data copied onto
 * their tickets (name, phone, exact address) is erased too; the tickets themselves stay, so metrics and
 * the organisations' records remain consistent. Runs in the caller's transaction (viewerDelete's).
 * Returns the number of tickets changed.
 */
export async function eraseDemandContacts(em: EntityManager, personUuid: string, erasedName: string): Promise<number> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `update demand_ticket set contact_name = ?, contact_phone = null, contact_address = null
        where resident_id = ? returning id`,
    [erasedName, personUuid],
    'all',
    em.getTransactionContext(),
  );
  return rows.length;
}
