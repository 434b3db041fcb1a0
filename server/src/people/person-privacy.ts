import type { Context } from '../app/context.js';
import { can } from '../policy/policy.js';
import type { Person } from './person.entity.js';

/**
 * Whether the caller may see this person's phone, email and address. Decided by the policy module
 * from facts loaded through the request's DataLoaders, so a list of people costs no extra query per row.
 */
export async function canSeePersonalData(ctx: Context, person: Person): Promise<boolean> {
  const actor = await ctx.actor();
  if (!actor) {
    return false;
  }
  if (actor.personUuid === person.uuid) {
    return true;
  }
  const [memberships, residence] = await Promise.all([
    ctx.loaders.memberships.byPerson.load(person.uuid),
    person.residenceRegion ? ctx.loaders.regions.byUuid.load(person.residenceRegion.uuid) : undefined,
  ]);
  return can(actor, 'person.readPersonalData', {
    uuid: person.uuid,
    organisationUuids: memberships.map((membership) => membership.organisation.uuid),
    residenceRegionPath: residence?.path ?? null,
  });
}
