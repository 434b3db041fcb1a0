import type { Context } from '../app/context.js';
import type { DemandFacts } from '../policy/policy.js';
import type { DemandTicket } from './demand-ticket.entity.js';

/**
 * What the policy needs to know about a ticket. The grid's path comes through the request's region
 * loader, so a page of tickets costs one region query, not one per row.
 */
export async function demandFacts(ctx: Pick<Context, 'loaders'>, ticket: DemandTicket): Promise<DemandFacts> {
  const grid = await ctx.loaders.regions.byUuid.load(ticket.grid.uuid);
  return {
    residentUuid: ticket.resident.uuid,
    gridPath: grid?.path ?? '',
    dispatcherUuid: ticket.dispatcher?.uuid ?? null,
    assignedOrganisationUuid: ticket.assignedOrganisation?.uuid ?? null,
    ownerOrganisationUuid: ticket.ownerOrganisation?.uuid ?? null,
  };
}
