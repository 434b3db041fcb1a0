import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { entityLoader } from '../common/loaders/entity-loader.js';
import { plainEntity } from '../common/loaders/plain-rows.js';
import { Need } from './need.entity.js';

/** Derived amounts of a need, as exact decimal strings summed by PostgreSQL. */
export interface NeedAmounts {
  /** Proposed, accepted and fulfilled pledges. */
  pledged: string;
  /** Accepted and fulfilled pledges. */
  accepted: string;
  /** Confirmed deliveries, plus volunteer hours credited for linked activities (VOLUNTEER_HOURS needs). */
  delivered: string;
  /** Still open to pledges: quantity − pledged, never below 0. */
  remaining: string;
  /** accepted ÷ quantity, 4 decimals; above 1 when oversubscribed. */
  coverage: string;
}

/**
 * Needs with their amounts summed from pledges and confirmed deliveries. Nothing is stored twice:
 * every read sums the ledger, so the amounts cannot drift from it.
 */
const NEEDS_WITH_AMOUNTS_SQL = (where: string) => `
select n.*,
       a.pledged::text as amount_pledged, a.accepted::text as amount_accepted,
       (d.delivered + v.hours)::numeric(18, 2)::text as amount_delivered,
       greatest(n.quantity - a.pledged, 0)::numeric(18, 2)::text as amount_remaining,
       round(a.accepted / n.quantity, 4)::text as amount_coverage
  from need n
 cross join lateral (
   select coalesce(sum(p.quantity) filter (where p.status in ('PROPOSED', 'ACCEPTED', 'FULFILLED')), 0)::numeric(18, 2) as pledged,
          coalesce(sum(p.quantity) filter (where p.status in ('ACCEPTED', 'FULFILLED')), 0)::numeric(18, 2) as accepted
     from pledge p where p.need_id = n.id) a
 cross join lateral (
   select coalesce(sum(dl.quantity), 0)::numeric(18, 2) as delivered
     from delivery dl join pledge p on p.id = dl.pledge_id
    where p.need_id = n.id and dl.confirmed_at is not null) d
 -- Volunteer hours are delivered too: hours a coordinator of the organising partner confirmed into the
 -- service-hours ledger for an activity linked to this VOLUNTEER_HOURS need count as delivered, like a
 -- confirmed delivery. They are summed from the ledger here (corrections included) rather than copied
 -- into Delivery rows: a Delivery belongs to an organisation's pledge, hours belong to volunteers, and a
 -- copy would drift from the ledger with every correction. Pledges of volunteer hours still deliver as
 -- any pledge does; both add up.
 cross join lateral (
   select coalesce(sum(e.hours), 0)::numeric(18, 2) as hours
     from service_hours_entry e join shift s on s.id = e.shift_id join volunteer_activity va on va.id = s.activity_id
    where va.need_id = n.id and n.kind = 'VOLUNTEER_HOURS') v
 where ${where}
 order by n.created_at, n.id`;

type NeedRow = Record<string, unknown> & {
  id: string;
  project_id: string;
  amount_pledged: string;
  amount_accepted: string;
  amount_delivered: string;
  amount_remaining: string;
  amount_coverage: string;
};

function splitRow(row: NeedRow): { columns: Record<string, unknown>; amounts: NeedAmounts } {
  const { amount_pledged, amount_accepted, amount_delivered, amount_remaining, amount_coverage, ...columns } = row;
  return {
    columns,
    amounts: {
      pledged: amount_pledged,
      accepted: amount_accepted,
      delivered: amount_delivered,
      remaining: amount_remaining,
      coverage: amount_coverage,
    },
  };
}

const placeholders = (keys: readonly unknown[]) => keys.map(() => '?').join(', ');

export function createNeedLoaders(em: EntityManager) {
  const amounts = new DataLoader<string, NeedAmounts | undefined>(async (needs) => {
    const rows = await em.execute<NeedRow[]>(NEEDS_WITH_AMOUNTS_SQL(`n.id in (${placeholders(needs)})`), [...needs]);
    const byNeed = new Map(rows.map((row) => [row.id, splitRow(row).amounts]));
    return needs.map((uuid) => byNeed.get(uuid));
  });
  return {
    byUuid: entityLoader(em, Need),
    amounts,
    /**
     * A page's needs and their amounts in one statement: the amounts are primed into `amounts`, so a
     * list of needs with progress bars costs one query whatever its length.
     */
    byProject: new DataLoader<string, Need[]>(async (projects) => {
      const rows = await em.execute<NeedRow[]>(NEEDS_WITH_AMOUNTS_SQL(`n.project_id in (${placeholders(projects)})`), [...projects]);
      const byProject = new Map<string, Need[]>();
      for (const row of rows) {
        const { columns, amounts: values } = splitRow(row);
        // Read-only plain rows (see `plain-rows.ts`): hydration cost more than the statement.
        const need = plainEntity(em, Need, columns);
        amounts.prime(need.uuid, values);
        const list = byProject.get(row.project_id) ?? [];
        list.push(need);
        byProject.set(row.project_id, list);
      }
      return projects.map((uuid) => byProject.get(uuid) ?? []);
    }),
  };
}
