import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../app/context.js';
import { paginate, type ConnectionArgs, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { readableProjectsCondition } from '../policy/policy.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import type { VolunteerActivityFilter } from './volunteering.inputs.js';

/** A condition on the activity row, written as SQL for `alias` (MikroORM substitutes the query's alias). */
function condition(sql: (alias: string) => string, params: unknown[]): FilterQuery<VolunteerActivity> {
  return { [raw((alias: string) => sql(alias), params)]: [] } as FilterQuery<VolunteerActivity>;
}

const NOTHING: FilterQuery<VolunteerActivity> = { uuid: null as never };

/**
 * Volunteer activities the caller may see (those of projects they may read, by the same SQL rule as
 * `projects`), filtered, newest first, one keyset page.
 */
export async function listVolunteerActivities(
  ctx: Context,
  filter: VolunteerActivityFilter | null | undefined,
  page: ConnectionArgs,
): Promise<ConnectionShape<VolunteerActivity>> {
  const actor = await ctx.actor();
  const readable = readableProjectsCondition(actor, 'readable_project');
  const where: FilterQuery<VolunteerActivity>[] = [
    condition(
      (alias) => `exists (select 1 from project readable_project where readable_project.id = ${alias}.project_id and ${readable.sql})`,
      readable.params,
    ),
  ];
  if (filter?.projectId) {
    const uuid = uuidOf(filter.projectId, 'Project');
    where.push(uuid ? { project: uuid } : NOTHING);
  }
  if (filter?.organisationId) {
    const uuid = uuidOf(filter.organisationId, 'Organisation');
    where.push(uuid ? { organisation: uuid } : NOTHING);
  }
  if (filter?.regionId) {
    const uuid = uuidOf(filter.regionId, 'Region');
    // The subtree by materialised path, the region's own path read in the same statement.
    where.push(
      uuid
        ? condition(
            (alias) => `exists (select 1 from region r join region within on within.id = ?
              where r.id = ${alias}.region_id and starts_with(r.path, within.path))`,
            [uuid],
          )
        : NOTHING,
    );
  }
  if (filter?.upcoming !== undefined && filter.upcoming !== null) {
    const upcoming = (alias: string) => `exists (select 1 from shift s where s.activity_id = ${alias}.id and s.ends_at > ?)`;
    where.push(condition((alias) => (filter.upcoming ? upcoming(alias) : `not ${upcoming(alias)}`), [ctx.clock.now()]));
  }
  const result = await paginate(ctx.em, VolunteerActivity, { $and: where }, { createdAt: 'desc', uuid: 'desc' }, page);
  for (const activity of result.nodes) {
    ctx.loaders.volunteering.activityByUuid.prime(activity.uuid, activity);
  }
  return result;
}
