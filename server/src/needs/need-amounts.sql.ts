import type { NeedAmounts } from './need.loaders.js';

/** Proposed, accepted and fulfilled pledges towards the need row `n`. */
const pledged = (n: string) =>
  `(select coalesce(sum(quantity), 0) from pledge where need_id = ${n}.id and status in ('PROPOSED', 'ACCEPTED', 'FULFILLED'))`;

/** Accepted and fulfilled pledges towards the need row `n`. */
const accepted = (n: string) =>
  `(select coalesce(sum(quantity), 0) from pledge where need_id = ${n}.id and status in ('ACCEPTED', 'FULFILLED'))`;

/**
 * The SQL of each derived amount of the need row `n`, as exact decimal text, shared by the needs loader
 * and the look-ahead compiler (`need.sql-shape.ts`). Nothing is stored twice: every read sums the ledger.
 *
 * Volunteer hours are delivered too: hours a coordinator of the organising partner confirmed into the
 * service-hours ledger for an activity linked to this VOLUNTEER_HOURS need count as delivered, like a
 * confirmed delivery. They are summed from the ledger here (corrections included) rather than copied
 * into Delivery rows: a Delivery belongs to an organisation's pledge, hours belong to volunteers, and a
 * copy would drift from the ledger with every correction. Pledges of volunteer hours still deliver as
 * any pledge does; both add up.
 */
export const NEED_AMOUNTS_SQL: Record<keyof NeedAmounts, (n: string) => string> = {
  pledged: (n) => `${pledged(n)}::numeric(18, 2)::text`,
  accepted: (n) => `${accepted(n)}::numeric(18, 2)::text`,
  delivered: (n) => `(
    (select coalesce(sum(dl.quantity), 0) from delivery dl join pledge p on p.id = dl.pledge_id
      where p.need_id = ${n}.id and dl.confirmed_at is not null)
    + (select coalesce(sum(e.hours), 0) from service_hours_entry e join shift s on s.id = e.shift_id
         join volunteer_activity va on va.id = s.activity_id where va.need_id = ${n}.id and ${n}.kind = 'VOLUNTEER_HOURS')
  )::numeric(18, 2)::text`,
  remaining: (n) => `greatest(${n}.quantity - ${pledged(n)}, 0)::numeric(18, 2)::text`,
  coverage: (n) => `round(${accepted(n)}::numeric(18, 2) / ${n}.quantity, 4)::text`,
};
