import type { Context } from '../app/context.js';
import { can, canReadDemand } from '../policy/policy.js';
import type { DemandTicket } from './demand-ticket.entity.js';
import { demandFacts } from './demand.facts.js';

/** Whether the caller may see the ticket at all (the policy's `demand.read`; public, masked). */
export async function canSeeDemand(ctx: Context, ticket: DemandTicket): Promise<boolean> {
  return canReadDemand(await ctx.actor(), await demandFacts(ctx, ticket));
}

/** Whether the caller sees the ticket's contact name, phone and exact address unmasked. */
export async function canSeeDemandPersonalData(ctx: Context, ticket: DemandTicket): Promise<boolean> {
  const actor = await ctx.actor();
  return !!actor && can(actor, 'demand.readPersonalData', await demandFacts(ctx, ticket));
}

/**
 * Records that the caller saw the ticket's personal data unmasked (PIPL accountability): once per
 * ticket per request whatever the number of fields, and never for the resident's own ticket. The
 * entry is written before the value is returned, so data is never shown without its log entry.
 */
async function logPersonalDataView(ctx: Context, ticket: DemandTicket): Promise<void> {
  const actor = (await ctx.actor())!;
  if (actor.personUuid === ticket.resident.uuid) {
    return;
  }
  const owner = ticket.ownerOrganisation?.uuid;
  await ctx.loaders.demands.personalDataViews.load({
    ticketUuid: ticket.uuid,
    viewerUuid: actor.personUuid,
    onBehalfOfUuid: owner && actor.memberships.has(owner) ? owner : null,
    at: ctx.clock.now(),
  });
}

/**
 * A personal field of a ticket as the caller may see it: unmasked (and the view logged) when the
 * policy allows, masked otherwise.
 */
export async function revealPersonal(
  ctx: Context,
  ticket: DemandTicket,
  value: string | null | undefined,
  mask: (value: string) => string,
): Promise<string | null> {
  if (!value) {
    return null;
  }
  if (!(await canSeeDemandPersonalData(ctx, ticket))) {
    return mask(value);
  }
  await logPersonalDataView(ctx, ticket);
  return value;
}

/** A person identifying the resident (the resident, or who submitted for them): only for those who see personal data. */
export async function revealPerson<T>(ctx: Context, ticket: DemandTicket, load: () => Promise<T | undefined>): Promise<T | null> {
  if (!(await canSeeDemandPersonalData(ctx, ticket))) {
    return null;
  }
  await logPersonalDataView(ctx, ticket);
  return (await load()) ?? null;
}
