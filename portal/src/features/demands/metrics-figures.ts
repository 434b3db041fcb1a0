import type { DemandMetricsQuery } from '@/graphql/generated/graphql';

/** The figures every metrics row shares (totals, a child region, an organisation). */
export type MetricsFigures = DemandMetricsQuery['demandMetrics']['totals'];
export type RegionMetrics = DemandMetricsQuery['demandMetrics']['byRegion'][number];
export type OrganisationMetrics = DemandMetricsQuery['demandMetrics']['byOrganisation'][number];
