import type { Context } from '../app/context.js';
import { can, type PersonFacts } from '../policy/policy.js';
import type { Person } from './person.entity.js';

/** What the policy needs to know about a person, read through the request's DataLoaders. */
export async function personFacts(ctx: Context, person: Person): Promise<PersonFacts> {
  const [memberships, residence] = await Promise.all([
    ctx.loaders.memberships.byPerson.load(person.uuid),
    person.residenceRegion ? ctx.loaders.regions.byUuid.load(person.residenceRegion.uuid) : undefined,
  ]);
  return {
    uuid: person.uuid,
    organisationUuids: memberships.map((membership) => membership.organisation.uuid),
    residenceRegionPath: residence?.path ?? null,
  };
}

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
  return can(actor, 'person.readPersonalData', await personFacts(ctx, person));
}
