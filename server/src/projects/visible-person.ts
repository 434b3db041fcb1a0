import type { Context } from '../app/context.js';
import type { Person } from '../people/person.entity.js';

/**
 * Who did something in a project (pledged, recorded, confirmed, acted in the timeline): shown to
 * signed-in users only, like every person; an erased account shows as its anonymised record, so the
 * history stays whole.
 */
export async function visiblePerson(ctx: Context, person: Person | null | undefined): Promise<Person | null> {
  if (!person || !ctx.auth) {
    return null;
  }
  return (await ctx.loaders.people.byUuid.load(person.uuid)) ?? null;
}
