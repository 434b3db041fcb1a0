import type { Context } from '../app/context.js';
import type { Actor } from '../policy/actor.js';
import type { OrganisationFacts } from '../policy/policy.js';
import type { Organisation } from './organisation.entity.js';

/**
 * What the policy needs to know about an organisation, read through the request's loaders so a page
 * of organisations costs one region query, not one per row.
 */
export async function organisationFacts(ctx: Context, organisation: Organisation): Promise<OrganisationFacts> {
  const region = await ctx.loaders.regions.byUuid.load(organisation.region.uuid);
  return { uuid: organisation.uuid, regionPath: region?.path ?? '' };
}

/**
 * The organisation an activity entry records the actor as acting for: the organisation itself when
 * they act through their membership of it, none when they act as a region authority.
 */
export function actingFor(actor: Actor | undefined, organisationUuid: string): string | null {
  return actor?.memberships.has(organisationUuid) ? organisationUuid : null;
}
