import type { Context } from '../app/context.js';
import type { ConnectionArgs, ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { keysetPage, type KeysetOrder, type SqlCondition } from '../common/relay/keyset-page.js';
import { OrderDirection } from '../common/relay/order-direction.js';
import { chinaDay } from '../common/time/china-day.js';
import { readableProjectsCondition } from '../policy/policy.js';
import { Project } from './project.entity.js';
import { ProjectOrderField } from './project.enums.js';
import type { ProjectFilter, ProjectOrder } from './project.inputs.js';

const NOTHING: SqlCondition = { sql: () => 'false', params: [] };

const ORDER: Record<ProjectOrderField, Omit<KeysetOrder, 'direction'>> = {
  [ProjectOrderField.CREATED_AT]: { property: 'createdAt', column: 'created_at', type: 'timestamptz' },
  [ProjectOrderField.TITLE]: { property: 'title', column: 'title', type: 'text' },
  [ProjectOrderField.START_DATE]: { property: 'startDate', column: 'start_date', type: 'date' },
};

/**
 * The projects the caller may read, filtered and ordered, one keyset page (read-only plain rows). Drafts
 * are filtered in SQL by the same rule `project.read` applies to a single project, so lists never leak
 * them. `count: false` skips counting for callers that do not show `totalCount`.
 */
export async function listProjects(
  ctx: Context,
  filter: ProjectFilter | null | undefined,
  order: ProjectOrder | null | undefined,
  page: ConnectionArgs,
  options?: { count?: boolean },
): Promise<ConnectionShape<Project>> {
  const actor = await ctx.actor();
  const readable = readableProjectsCondition(actor, 'project');
  const where: SqlCondition[] = [{ sql: (alias) => readableProjectsCondition(actor, alias).sql, params: readable.params }];
  if (filter?.status) {
    where.push({ sql: (alias) => `${alias}.status = ?`, params: [filter.status] });
  }
  if (filter?.category) {
    where.push({ sql: (alias) => `${alias}.category = ?`, params: [filter.category] });
  }
  if (filter?.regionId) {
    const uuid = uuidOf(filter.regionId, 'Region');
    // The subtree by materialised path, the region's own path read in the same statement.
    where.push(
      uuid
        ? {
            sql: (
              alias,
            ) => `exists (select 1 from project_region pr join region r on r.id = pr.region_id join region within on within.id = ?
              where pr.project_id = ${alias}.id and starts_with(r.path, within.path))`,
            params: [uuid],
          }
        : NOTHING,
    );
  }
  if (filter?.organisationId) {
    const uuid = uuidOf(filter.organisationId, 'Organisation');
    // The lead holds an accepted CORE place, so "leads or partners" is one test on the places.
    where.push(
      uuid
        ? {
            sql: (alias) => `exists (select 1 from project_partner pp
              where pp.project_id = ${alias}.id and pp.organisation_id = ? and pp.status = 'ACCEPTED')`,
            params: [uuid],
          }
        : NOTHING,
    );
  }
  if (filter?.needKind) {
    where.push({
      sql: (alias) => `exists (select 1 from need n where n.project_id = ${alias}.id and n.kind = ?
        and n.closed_at is null and (n.deadline is null or n.deadline >= ?))`,
      params: [filter.needKind, chinaDay(ctx.clock.now())],
    });
  }
  const field = order?.field ?? ProjectOrderField.CREATED_AT;
  const direction =
    (order?.direction ?? (field === ProjectOrderField.TITLE ? OrderDirection.ASC : OrderDirection.DESC)) === OrderDirection.ASC
      ? 'asc'
      : 'desc';
  const result = await keysetPage(ctx.em, Project, 'project', where, { ...ORDER[field], direction }, page, options);
  // Children of the page (pledges, needs) look their project up by id: it is already here.
  for (const project of result.nodes) {
    ctx.loaders.projects.byUuid.prime(project.uuid, project);
  }
  return result;
}
