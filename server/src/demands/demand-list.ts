import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../app/context.js';
import { uuidOf } from '../common/relay/global-id.js';
import { escapeLike } from '../common/sql.js';
import type { DemandTicket } from './demand-ticket.entity.js';
import type { DemandFilter } from './demand.inputs.js';

/** A uuid that matches no row, for filters naming something that does not exist. */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/**
 * The conditions of a `demands` filter. Tickets are public (their personal data masked field by
 * field), so the list needs no read condition; `mine` narrows it to the viewer's own demands.
 */
export async function demandsWhere(ctx: Context, filter: DemandFilter | null): Promise<FilterQuery<DemandTicket>> {
  const where: FilterQuery<DemandTicket>[] = [];
  if (filter?.status?.length) {
    where.push({ status: { $in: filter.status } });
  }
  if (filter?.category) {
    where.push({ category: filter.category });
  }
  if (filter?.regionId) {
    const uuid = uuidOf(filter.regionId, 'Region');
    const region = uuid && (await ctx.loaders.regions.byUuid.load(uuid));
    where.push(region ? { grid: { path: { $like: `${escapeLike(region.path)}%` } } } : { uuid: NO_ROW });
  }
  if (filter?.assignedOrganisationId) {
    where.push({ assignedOrganisation: uuidOf(filter.assignedOrganisationId, 'Organisation') ?? NO_ROW });
  }
  const now = ctx.clock.now();
  if (filter?.overdue === true) {
    where.push({ dueAt: { $lt: now } });
  } else if (filter?.overdue === false) {
    where.push({ $or: [{ dueAt: null }, { dueAt: { $gte: now } }] });
  }
  if (filter?.escalated === true) {
    where.push({ escalatedAt: { $ne: null } });
  } else if (filter?.escalated === false) {
    where.push({ escalatedAt: null });
  }
  if (filter?.mine) {
    where.push({ resident: (await ctx.actor())?.personUuid ?? NO_ROW });
  }
  return where.length ? { $and: where } : {};
}
