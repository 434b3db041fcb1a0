import { DEFAULT_POINTS_PER_HOUR } from './volunteer-points-rule.entity.js';

/**
 * The points rate of ledger entry `e` as an SQL expression (a lateral subquery): the organisation's own
 * rule in force when the hours were confirmed, else the platform-wide rule then in force, else the
 * default. A correction is priced at the rate of the entry it corrects, so correcting hours later moves
 * points by exactly what the original hours earned. Needs `corrected` left-joined on `e.corrects_id`.
 */
export const POINTS_RATE_LATERAL = `cross join lateral (
    select coalesce((
      select rule.points_per_hour from volunteer_points_rule rule
       where (rule.organisation_id = e.organisation_id or rule.organisation_id is null)
         and rule.effective_from <= coalesce(corrected.created_at, e.created_at)
       order by rule.organisation_id is null, rule.effective_from desc, rule.id desc
       limit 1), ${DEFAULT_POINTS_PER_HOUR}) as per_hour) rate`;

/** Ledger entries `e` with their rate: `from` clause to add `where …` to. */
export const ENTRIES_WITH_RATE = `service_hours_entry e
  left join service_hours_entry corrected on corrected.id = e.corrects_id
  ${POINTS_RATE_LATERAL}`;
