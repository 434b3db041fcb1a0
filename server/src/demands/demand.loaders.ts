import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { uuidv7 } from '../common/ids/uuid-v7.js';
import { entityLoader, groupLoader } from '../common/loaders/entity-loader.js';
import { DemandCategoryPolicy } from './demand-category-policy.entity.js';
import { DemandEvent } from './demand-event.entity.js';
import { DemandTicket } from './demand-ticket.entity.js';
import type { DemandCategory } from './demand.enums.js';

/** One view of a ticket's unmasked personal data, to be written to the activity log. */
export interface PersonalDataView {
  ticketUuid: string;
  viewerUuid: string;
  /** The organisation through whose role the viewer sees the data, if any. */
  onBehalfOfUuid: string | null;
  at: Date;
}

export function createDemandLoaders(em: EntityManager) {
  return {
    byUuid: entityLoader(em, DemandTicket),
    eventsByTicket: groupLoader(
      (tickets: readonly string[]) =>
        em.find(DemandEvent, { ticket: { $in: [...tickets] } }, { orderBy: { createdAt: 'asc', uuid: 'asc' } }),
      (event) => event.ticket.uuid,
    ),
    /** The time limits of each category (a table of eleven rows). */
    categoryPolicy: new DataLoader<DemandCategory, DemandCategoryPolicy | undefined>(async (categories) => {
      const rows = await em.find(DemandCategoryPolicy, { category: { $in: [...categories] } });
      return categories.map((category) => rows.find((row) => row.category === category));
    }),
    /**
     * Logs views of unmasked personal data: once per ticket and viewer per request (the loader's cache
     * dedupes), with one multi-row INSERT for every ticket of a page, so a list costs one statement, not
     * one per row. The viewer is part of the key because a live event's subscribers share one set of
     * loaders (`activity/event-context.ts`): each of them saw the data, and each view is logged.
     */
    personalDataViews: new DataLoader<PersonalDataView, true, string>(
      async (views) => {
        await em.getConnection().execute(
          `insert into activity_entry (id, created_at, actor_id, on_behalf_of_id, action, subject_type, subject_uuid)
           values ${views.map(() => "(?, ?, ?, ?, 'demand.personalDataViewed', 'DemandTicket', ?)").join(', ')}`,
          views.flatMap((view) => [uuidv7(), view.at, view.viewerUuid, view.onBehalfOfUuid, view.ticketUuid]),
        );
        return views.map(() => true as const);
      },
      { cacheKeyFn: (view) => `${view.ticketUuid}|${view.viewerUuid}` },
    ),
  };
}
