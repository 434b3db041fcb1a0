import { raw, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import type { Context } from '../app/context.js';
import { paginate, type ConnectionArgs, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { OrderDirection } from '../common/relay/order-direction.js';
import { chinaDay } from '../common/time/china-day.js';
import { readableProjectsCondition } from '../policy/policy.js';
import { Project } from './project.entity.js';
import { ProjectOrderField } from './project.enums.js';
import type { ProjectFilter, ProjectOrder } from './project.inputs.js';

/** A condition on the project row, written as SQL for `alias` (MikroORM substitutes the query's alias). */
function condition(sql: (alias: string) => string, params: unknown[]): FilterQuery<Project> {
  return { [raw((alias: string) => sql(alias), params)]: [] } as FilterQuery<Project>;
}

const NOTHING: FilterQuery<Project> = { uuid: null as never };

const ORDER_PROPERTY: Record<ProjectOrderField, 'createdAt' | 'title' | 'startDate'> = {
  [ProjectOrderField.CREATED_AT]: 'createdAt',
  [ProjectOrderField.TITLE]: 'title',
  [ProjectOrderField.START_DATE]: 'startDate',
};

/**
 * The projects the caller may read, filtered and ordered, one keyset page. Drafts are filtered in SQL
 * by the same rule `project.read` applies to a single project, so lists never leak them.
 */
export async function listProjects(
  ctx: Context,
  filter: ProjectFilter | null | undefined,
  order: ProjectOrder | null | undefined,
  page: ConnectionArgs,
  options?: { count?: boolean },
): Promise<ConnectionShape<Project>> {
  const actor = await ctx.actor();
  const readable = (alias: string) => readableProjectsCondition(actor, alias);
  const where: FilterQuery<Project>[] = [condition((alias) => readable(alias).sql, readable('project').params)];
  if (filter?.status) {
    where.push({ status: filter.status });
  }
  if (filter?.category) {
    where.push({ category: filter.category });
  }
  if (filter?.regionId) {
    const uuid = uuidOf(filter.regionId, 'Region');
    // The subtree by materialised path, the region's own path read in the same statement.
    where.push(
      uuid
        ? condition(
            (alias) => `exists (select 1 from project_region pr join region r on r.id = pr.region_id join region within on within.id = ?
              where pr.project_id = ${alias}.id and starts_with(r.path, within.path))`,
            [uuid],
          )
        : NOTHING,
    );
  }
  if (filter?.organisationId) {
    const uuid = uuidOf(filter.organisationId, 'Organisation');
    // The lead holds an accepted CORE place, so "leads or partners" is one test on the places.
    where.push(
      uuid
        ? condition(
            (alias) => `exists (select 1 from project_partner pp
              where pp.project_id = ${alias}.id and pp.organisation_id = ? and pp.status = 'ACCEPTED')`,
            [uuid],
          )
        : NOTHING,
    );
  }
  if (filter?.needKind) {
    where.push(
      condition(
        (alias) => `exists (select 1 from need n where n.project_id = ${alias}.id and n.kind = ?
          and n.closed_at is null and (n.deadline is null or n.deadline >= ?))`,
        [filter.needKind, chinaDay(ctx.clock.now())],
      ),
    );
  }
  const field = order?.field ?? ProjectOrderField.CREATED_AT;
  const direction =
    (order?.direction ?? (field === ProjectOrderField.TITLE ? OrderDirection.ASC : OrderDirection.DESC)) === OrderDirection.ASC
      ? 'asc'
      : 'desc';
  const orderBy = { [ORDER_PROPERTY[field]]: direction, uuid: direction } as QueryOrderMap<Project>;
  const result = await paginate(ctx.em, Project, { $and: where }, orderBy, page, options);
  // Children of the page (pledges, needs) look their project up by id: it is already here.
  for (const project of result.nodes) {
    ctx.loaders.projects.byUuid.prime(project.uuid, project);
  }
  return result;
}
