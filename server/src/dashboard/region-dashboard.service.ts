import { GraphQLError } from 'graphql';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { demandFigures } from '../demands/demand-metrics.service.js';
import { DemandMetricsFigures } from '../demands/demand-metrics.types.js';
import type { MetricsRow } from '../demands/demand-metrics.service.js';
import { can } from '../policy/policy.js';
import { ProjectStatus } from '../projects/project.enums.js';
import type { Region } from '../regions/region.entity.js';
import { isPeriodProblem, resolvePeriod } from './region-dashboard.period.js';
import { countRegionDashboard, type CollaborationRow } from './region-dashboard.sql.js';
import { ProjectStatusCount, RegionDashboard, RegionDashboardChild, RegionDashboardFigures } from './region-dashboard.types.js';

function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

const ZERO: CollaborationRow = {
  scope: '',
  projects_recruiting: 0,
  projects_active: 0,
  projects_completed: 0,
  projects_cancelled: 0,
  needs: 0,
  pledges: 0,
  pledges_accepted: 0,
  funds_accepted: '0.00',
  deliveries_confirmed: 0,
  funds_delivered: '0.00',
  sign_ups_completed: 0,
  volunteers: 0,
  volunteer_hours: '0.00',
};

function figures(row: CollaborationRow = ZERO, demands: MetricsRow | undefined): RegionDashboardFigures {
  const byStatus: [ProjectStatus, number][] = [
    [ProjectStatus.RECRUITING, row.projects_recruiting],
    [ProjectStatus.ACTIVE, row.projects_active],
    [ProjectStatus.COMPLETED, row.projects_completed],
    [ProjectStatus.CANCELLED, row.projects_cancelled],
  ];
  return Object.assign(new RegionDashboardFigures(), {
    projects: byStatus.reduce((sum, [, count]) => sum + count, 0),
    projectsByStatus: byStatus.map(([status, count]) => Object.assign(new ProjectStatusCount(), { status, count })),
    needs: row.needs,
    pledges: row.pledges,
    pledgesAccepted: row.pledges_accepted,
    fundsAccepted: row.funds_accepted,
    deliveriesConfirmed: row.deliveries_confirmed,
    fundsDelivered: row.funds_delivered,
    volunteerSignUpsCompleted: row.sign_ups_completed,
    volunteers: row.volunteers,
    volunteerHours: row.volunteer_hours,
    demands: demandFigures(new DemandMetricsFigures(), demands),
  });
}

/**
 * The co-governance dashboard of a region over a period (default: the last 12 months in China), for
 * its administrators and those above them. A constant number of SQL statements whatever the region's
 * size: the region, the actor, the children, and the two counting statements of `countRegionDashboard`.
 */
export async function regionDashboard(
  ctx: Context,
  regionId: string,
  from: Date | null | undefined,
  to: Date | null | undefined,
): Promise<RegionDashboard> {
  const uuid = uuidOf(regionId, 'Region');
  const region: Region | undefined = uuid ? await ctx.loaders.regions.byUuid.load(uuid) : undefined;
  if (!region) {
    throw badInput('No such region', 'regionId');
  }
  const period = resolvePeriod(ctx.clock.now(), from, to);
  if (isPeriodProblem(period)) {
    throw badInput(period.message, period.field);
  }
  if (!can(await ctx.actor(), 'region.readDashboard', region.path)) {
    throw new GraphQLError('Only administrators of the region (or above it) see its dashboard', { extensions: { code: 'FORBIDDEN' } });
  }
  const [rows, children] = await Promise.all([
    countRegionDashboard(ctx.em, region, period),
    ctx.loaders.regions.childrenByParent.load(region.uuid),
  ]);
  const collaboration = new Map(rows.collaboration.map((row) => [row.scope, row]));
  const demands = new Map(rows.demands.filter((row) => row.by_child && row.child).map((row) => [row.child!, row]));
  return Object.assign(new RegionDashboard(), {
    region,
    from: period.from,
    to: period.to,
    totals: figures(
      collaboration.get(''),
      rows.demands.find((row) => !row.by_child),
    ),
    byRegion: children.map((child) =>
      Object.assign(new RegionDashboardChild(), {
        region: child,
        figures: figures(collaboration.get(child.uuid), demands.get(child.uuid)),
      }),
    ),
  });
}
