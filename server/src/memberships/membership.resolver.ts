import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { canReadMembership } from './membership.access.js';
import { Membership } from './membership.entity.js';
import { MembershipAddInput, MembershipUpdateInput } from './membership.inputs.js';
import { MembershipAddPayload, MembershipRemovePayload, MembershipUpdatePayload } from './membership.payloads.js';
import { membershipAdd, membershipRemove, membershipUpdate } from './membership.service.js';
import { RegionRole } from './region-role.entity.js';

registerNodeType('Membership', {
  load: (ctx, uuid) => ctx.em.findOne(Membership, { uuid }).then((membership) => membership ?? undefined),
  canRead: (ctx, membership) => canReadMembership(ctx, membership as Membership),
});

registerNodeType('RegionRole', {
  load: (ctx, uuid) => ctx.em.findOne(RegionRole, { uuid }).then((role) => role ?? undefined),
  canRead: async (ctx) => can(await ctx.actor(), 'regionRole.read', null),
});

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

  @Authorized()
  @Mutation(() => MembershipAddPayload, {
    description: "Adds an existing account to an organisation by mobile number or email; for those who manage the organisation's members",
  })
  async membershipAdd(
    @Arg('input', () => MembershipAddInput, { description: 'The organisation, the account and the role' }) input: MembershipAddInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipAddPayload> {
    return toPayload(MembershipAddPayload, await membershipAdd(ctx, input), 'membership');
  }

  @Authorized()
  @Mutation(() => MembershipUpdatePayload, {
    description: "Changes a member's role; LAST_ADMIN when the organisation would be left without an ADMIN",
  })
  async membershipUpdate(
    @Arg('id', () => ID, { description: 'The membership' }) id: string,
    @Arg('input', () => MembershipUpdateInput, { description: 'The new role' }) input: MembershipUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipUpdatePayload> {
    return toPayload(MembershipUpdatePayload, await membershipUpdate(ctx, id, input), 'membership');
  }

  @Authorized()
  @Mutation(() => MembershipRemovePayload, {
    description: 'Removes a member (for those who manage the members) or leaves an organisation (for the member themself)',
  })
  async membershipRemove(
    @Arg('id', () => ID, { description: 'The membership' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<MembershipRemovePayload> {
    const result = await membershipRemove(ctx, id);
    // Two result objects: the generic toPayload maps one key, so the payload is filled here from the same Result.
    return Object.assign(new MembershipRemovePayload(), result.ok ? { ...result.value, userErrors: [] } : { userErrors: result.errors });
  }
}

@Resolver(() => RegionRole)
export class RegionRoleResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'Region the role covers (with its subtree); null for PLATFORM_ADMIN' })
  region(@Root() role: RegionRole, @Ctx() ctx: Context): Promise<Region | undefined> | null {
    return role.region ? ctx.loaders.regions.byUuid.load(role.region.uuid) : null;
  }
}
