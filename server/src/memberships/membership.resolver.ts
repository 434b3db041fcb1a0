import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import { Membership } from './membership.entity.js';
import { RegionRole } from './region-role.entity.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Person, { description: 'The member' })
  async person(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Person> {
    return (await ctx.loaders.people.byUuid.load(membership.person.uuid))!;
  }

  @FieldResolver(() => Organisation, { description: 'The organisation' })
  async organisation(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Organisation> {
    return (await ctx.loaders.organisations.byUuid.load(membership.organisation.uuid))!;
  }
}

@Resolver(() => RegionRole)
export class RegionRoleResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'Region the role covers (with its subtree); null for PLATFORM_ADMIN' })
  region(@Root() role: RegionRole, @Ctx() ctx: Context): Promise<Region | undefined> | null {
    return role.region ? ctx.loaders.regions.byUuid.load(role.region.uuid) : null;
  }
}
