import type { Context } from '../app/context.js';
import { organisationFacts } from '../organisations/organisation.facts.js';
import { can } from '../policy/policy.js';
import type { Membership } from './membership.entity.js';

/** Whether the caller may see a membership: the member, or whoever may read the organisation's members. */
export async function canReadMembership(ctx: Context, membership: Membership): Promise<boolean> {
  const actor = await ctx.actor();
  if (!actor) {
    return false;
  }
  const organisation = await ctx.loaders.organisations.byUuid.load(membership.organisation.uuid);
  return (
    !!organisation &&
    can(actor, 'membership.read', { personUuid: membership.person.uuid, organisation: await organisationFacts(ctx, organisation) })
  );
}
