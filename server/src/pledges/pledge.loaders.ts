import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { plainEntity, selectColumns } from '../common/loaders/plain-rows.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Delivery } from './delivery.entity.js';
import { Pledge } from './pledge.entity.js';

export function createPledgeLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Pledge),
    /** Pledges per need, oldest first, with the pledging organisation joined in (read-only plain rows). */
    byNeed: groupLoader(
      async (needs: readonly string[]) => {
        const rows = await em.execute<Record<string, unknown>[]>(
          `select ${selectColumns(em, Pledge, 'p')}, ${selectColumns(em, Organisation, 'o', 'o.')}
           from pledge p join organisation o on o.id = p.organisation_id
          where p.need_id in (${needs.map(() => '?').join(', ')}) order by p.created_at, p.id`,
          [...needs],
        );
        return rows.map((row) => plainEntity(em, Pledge, row, '', { organisation: plainEntity(em, Organisation, row, 'o.') }));
      },
      (pledge) => pledge.need.uuid,
    ),
    deliveryByUuid: entityLoader(em, Delivery),
    deliveriesByPledge: groupLoader(
      (pledges: readonly string[]) =>
        em.find(Delivery, { pledge: { $in: [...pledges] } }, { orderBy: { deliveredOn: 'asc', createdAt: 'asc', uuid: 'asc' } }),
      (delivery) => delivery.pledge.uuid,
    ),
    /** Confirmed deliveries per pledge, summed in SQL. */
    deliveredByPledge: new DataLoader<string, string>(async (pledges) => {
      const rows = await em.execute<{ pledge_id: string; delivered: string }[]>(
        `select pledge_id, sum(quantity)::numeric(18, 2)::text as delivered from delivery
          where pledge_id in (${pledges.map(() => '?').join(', ')}) and confirmed_at is not null group by pledge_id`,
        [...pledges],
      );
      const byPledge = new Map(rows.map((row) => [row.pledge_id, row.delivered]));
      return pledges.map((uuid) => byPledge.get(uuid) ?? '0.00');
    }),
  };
}
