import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { Delivery } from './delivery.entity.js';
import { Pledge } from './pledge.entity.js';

export function createPledgeLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, Pledge),
    /** Pledges per need, oldest first, with the pledging organisation joined in. */
    byNeed: groupLoader(
      (needs: readonly string[]) =>
        em.find(Pledge, { need: { $in: [...needs] } }, { populate: ['organisation'], orderBy: { createdAt: 'asc', uuid: 'asc' } }),
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
