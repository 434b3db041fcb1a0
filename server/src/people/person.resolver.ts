import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { maskAddress, maskEmail, maskPhone } from '../common/validation/mask.js';
import { Membership } from '../memberships/membership.entity.js';
import { RegionRole } from '../memberships/region-role.entity.js';
import { Region } from '../regions/region.entity.js';
import { Person } from './person.entity.js';
import { canSeePersonalData } from './person-privacy.js';

// People are visible by name to signed-in users (they appear as members, pledgers, volunteers);
// their personal data stays masked unless the policy allows more.
registerNodeType('Person', {
  load: (ctx, uuid) => ctx.loaders.people.byUuid.load(uuid),
  canRead: (ctx, person) => !!ctx.auth && !(person as Person).deletedAt,
});

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Mobile number; masked (138****1234) unless you may see it' })
  async phone(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.phone) {
      return null;
    }
    return (await canSeePersonalData(ctx, person)) ? person.phone : maskPhone(person.phone);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Email; masked unless you may see it' })
  async email(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.email) {
      return null;
    }
    return (await canSeePersonalData(ctx, person)) ? person.email : maskEmail(person.email);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Home address; masked unless you may see it' })
  async address(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    if (!person.address) {
      return null;
    }
    return (await canSeePersonalData(ctx, person)) ? person.address : maskAddress(person.address);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer sees this person unmasked' })
  viewerCanSeePersonalData(@Root() person: Person, @Ctx() ctx: Context): Promise<boolean> {
    return canSeePersonalData(ctx, person);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Region the person lives in' })
  residenceRegion(@Root() person: Person, @Ctx() ctx: Context): Promise<Region | undefined> | null {
    return person.residenceRegion ? ctx.loaders.regions.byUuid.load(person.residenceRegion.uuid) : null;
  }

  @FieldResolver(() => [Membership], { description: "The person's memberships of organisations" })
  memberships(@Root() person: Person, @Ctx() ctx: Context): Promise<Membership[]> {
    return ctx.loaders.memberships.byPerson.load(person.uuid);
  }

  @FieldResolver(() => [RegionRole], { description: 'Roles the person holds over regions' })
  regionRoles(@Root() person: Person, @Ctx() ctx: Context): Promise<RegionRole[]> {
    return ctx.loaders.memberships.regionRolesByPerson.load(person.uuid);
  }
}
