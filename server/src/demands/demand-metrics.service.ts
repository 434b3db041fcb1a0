import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { escapeLike } from '../common/sql.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { can } from '../policy/policy.js';
import type { Region } from '../regions/region.entity.js';
import { DemandMetrics, DemandMetricsFigures, DemandOrganisationMetrics, DemandRegionMetrics } from './demand-metrics.types.js';

/** One row of the grouped count: a child region's, an organisation's, or the total (both keys null). */
export interface MetricsRow {
  by_child: boolean;
  by_organisation: boolean;
  child: string | null;
  organisation: string | null;
  received: number;
  responded_on_time: number;
  resolved: number;
  resolved_on_time: number;
  rated: number;
  satisfied: number;
  partly: number;
  unsatisfied: number;
  satisfaction_rate: string | null;
  reopened: number;
  median_resolution_hours: string | null;
}

/**
 * Counts the tickets received in [from, to) in the region's subtree, per child region, per
 * organisation (the owner, or the one it is dispatched to) and in total, in one statement: GROUPING
 * SETS over the child's uuid, which is the path segment of the ticket's grid right after the region's
 * own path. The whole computation happens in PostgreSQL; the counts never pass through a JS float.
 * `byOrganisation: false` leaves the per-organisation rows out (the region dashboard needs none).
 */
export async function countDemandMetrics(
  em: EntityManager,
  regionPath: string,
  from: Date,
  to: Date,
  options: { byOrganisation?: boolean } = {},
): Promise<MetricsRow[]> {
  const perOrganisation = options.byOrganisation !== false;
  return em.getConnection().execute<MetricsRow[]>(
    `select grouping(child) = 0 as by_child, ${perOrganisation ? 'grouping(organisation) = 0' : 'false'} as by_organisation,
            child, ${perOrganisation ? 'organisation' : 'null::text as organisation'},
            count(*)::int as received,
            count(*) filter (where responded_at <= response_due_at)::int as responded_on_time,
            count(*) filter (where resolved_at is not null)::int as resolved,
            count(*) filter (where resolved_at <= resolution_due_at)::int as resolved_on_time,
            count(*) filter (where status = 'RATED')::int as rated,
            count(*) filter (where status = 'RATED' and rating = 'SATISFIED')::int as satisfied,
            count(*) filter (where status = 'RATED' and rating = 'PARTLY')::int as partly,
            count(*) filter (where status = 'RATED' and rating = 'UNSATISFIED')::int as unsatisfied,
            round(count(*) filter (where status = 'RATED' and rating in ('SATISFIED', 'PARTLY'))::numeric
                  / nullif(count(*) filter (where status = 'RATED'), 0), 4)::text as satisfaction_rate,
            count(*) filter (where reopened_count > 0)::int as reopened,
            -- Unresolved tickets have no duration (null), which percentile_cont skips.
            round((percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at)) / 3600)::numeric, 1)::text
              as median_resolution_hours
       from (select t.status, t.rating, t.created_at, t.responded_at, t.response_due_at, t.resolved_at, t.resolution_due_at, t.reopened_count,
                    nullif(split_part(substr(g.path, ?), '/', 1), '') as child,
                    coalesce(t.owner_organisation_id, t.assigned_organisation_id)::text as organisation
               from demand_ticket t join region g on g.id = t.grid_id
              where g.path like ? and t.created_at >= ? and t.created_at < ?) tickets
      group by grouping sets ((child), ${perOrganisation ? '(organisation), ' : ''}())`,
    [regionPath.length + 1, `${escapeLike(regionPath)}%`, from, to],
  );
}

/** A row of `countDemandMetrics` as the figures the API returns (zeros when the row is missing). */
export function demandFigures<T extends DemandMetricsFigures>(target: T, row: MetricsRow | undefined): T {
  return Object.assign(target, {
    received: row?.received ?? 0,
    respondedOnTime: row?.responded_on_time ?? 0,
    resolved: row?.resolved ?? 0,
    resolvedOnTime: row?.resolved_on_time ?? 0,
    rated: row?.rated ?? 0,
    satisfied: row?.satisfied ?? 0,
    partly: row?.partly ?? 0,
    unsatisfied: row?.unsatisfied ?? 0,
    satisfactionRate: row?.satisfaction_rate ?? null,
    reopened: row?.reopened ?? 0,
    medianResolutionHours: row?.median_resolution_hours ?? null,
  });
}

function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Demand metrics of a region over a period, for its administrators (and grid workers for their grids). */
export async function demandMetrics(ctx: Context, regionId: string, from: Date, to: Date): Promise<DemandMetrics> {
  const uuid = uuidOf(regionId, 'Region');
  const region: Region | undefined = uuid ? await ctx.loaders.regions.byUuid.load(uuid) : undefined;
  if (!region) {
    throw badInput('No such region', 'regionId');
  }
  if (from.getTime() >= to.getTime()) {
    throw badInput('from must be before to', 'to');
  }
  if (!can(await ctx.actor(), 'demand.readMetrics', region.path)) {
    throw new GraphQLError('Only administrators of the region (or above it) see its demand metrics', { extensions: { code: 'FORBIDDEN' } });
  }
  const [rows, children] = await Promise.all([
    countDemandMetrics(ctx.em, region.path, from, to),
    ctx.loaders.regions.childrenByParent.load(region.uuid),
  ]);
  const byChild = new Map(rows.filter((row) => row.by_child && row.child).map((row) => [row.child!, row]));
  const organisationRows = rows.filter((row) => row.by_organisation && row.organisation).sort((a, b) => b.received - a.received);
  const organisations = await ctx.loaders.organisations.byUuid.loadMany(organisationRows.map((row) => row.organisation!));
  return Object.assign(new DemandMetrics(), {
    region,
    from,
    to,
    totals: demandFigures(
      new DemandMetricsFigures(),
      rows.find((row) => !row.by_child && !row.by_organisation),
    ),
    byRegion: children.map((child) => demandFigures(Object.assign(new DemandRegionMetrics(), { region: child }), byChild.get(child.uuid))),
    byOrganisation: organisationRows.flatMap((row, index) => {
      const organisation = organisations[index];
      return organisation instanceof Organisation
        ? [demandFigures(Object.assign(new DemandOrganisationMetrics(), { organisation }), row)]
        : [];
    }),
  });
}
