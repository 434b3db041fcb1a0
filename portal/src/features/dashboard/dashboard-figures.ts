import { useFragment, type FragmentType } from '@/graphql/generated';
import { RegionDashboardFiguresFragmentDoc, type RegionDashboardFiguresFragment } from '@/graphql/generated/graphql';

/** The figures of the region or of one child region, as the dashboard shows them. */
export type DashboardFigures = RegionDashboardFiguresFragment;
export type DashboardFiguresRef = FragmentType<typeof RegionDashboardFiguresFragmentDoc>;

/** Reads the figures out of the query's result (the fragment is masked by codegen's client preset). */
export function readFigures(figures: DashboardFiguresRef): DashboardFigures {
  return useFragment(RegionDashboardFiguresFragmentDoc, figures);
}

/** The longest period the API accepts (server: MAX_PERIOD_DAYS): two years. */
export const MAX_PERIOD_DAYS = 731;

/** Days from `from` to `to`, both included (YYYY-MM-DD, calendar days). */
export function periodDays(period: { from: string; to: string }): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}
