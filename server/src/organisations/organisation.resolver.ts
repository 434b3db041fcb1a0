import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { Connection, ConnectionArgs, connectionFromArray, paginate, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { escapeLike } from '../common/sql.js';
import { MembershipConnection } from '../memberships/membership.connection.js';
import type { Membership } from '../memberships/membership.entity.js';
import { MembershipRole } from '../memberships/membership.enums.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { Organisation } from './organisation.entity.js';
import { VerificationStatus } from './organisation.enums.js';
import { organisationFacts } from './organisation.facts.js';
import { OrganisationCreateInput, OrganisationFilter, OrganisationUpdateInput, OrganisationVerifyInput } from './organisation.inputs.js';
import { OrganisationCreatePayload, OrganisationUpdatePayload, OrganisationVerifyPayload } from './organisation.payloads.js';
import { organisationCreate, organisationUpdate } from './organisation.service.js';
import { organisationVerify } from './organisation-verification.service.js';

export const OrganisationConnection = Connection(Organisation, 'Organisation');

// The directory of organisations is public: co-governance is done in the open.
registerNodeType('Organisation', { load: (ctx, uuid) => ctx.loaders.organisations.byUuid.load(uuid), canRead: () => true });

/** A uuid that matches no row, for filters naming something that does not exist. */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

type OrganisationAction =
  'organisation.update' | 'organisation.verify' | 'organisation.readMembers' | 'organisation.actFor' | 'membership.manage';

/** A capability of the viewer on an organisation, decided by the policy (signed out: none). */
async function viewerCan(ctx: Context, organisation: Organisation, action: OrganisationAction): Promise<boolean> {
  const actor = await ctx.actor();
  return !!actor && can(actor, action, await organisationFacts(ctx, organisation));
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: 'An organisation by id; null when there is none' })
  async organisation(
    @Arg('id', () => ID, { description: 'Global id of the organisation' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Organisation | null> {
    const uuid = uuidOf(id, 'Organisation');
    return (uuid && (await ctx.loaders.organisations.byUuid.load(uuid))) || null;
  }

  @Query(() => OrganisationConnection, { description: 'The public directory of organisations, by name, filtered' })
  async organisations(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => OrganisationFilter, { nullable: true, description: 'Conditions the organisations must meet' })
    filter: OrganisationFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Organisation>> {
    const where: FilterQuery<Organisation>[] = [];
    if (filter?.kind) {
      where.push({ kind: filter.kind });
    }
    if (filter?.regionId) {
      const uuid = uuidOf(filter.regionId, 'Region');
      const region = uuid && (await ctx.loaders.regions.byUuid.load(uuid));
      where.push(region ? { region: { path: { $like: `${escapeLike(region.path)}%` } } } : { uuid: NO_ROW });
    }
    if (filter?.verified === true) {
      where.push({ verificationStatus: VerificationStatus.VERIFIED });
    } else if (filter?.verified === false) {
      where.push({ verificationStatus: { $ne: VerificationStatus.VERIFIED } });
    }
    if (filter?.verificationStatus) {
      where.push({ verificationStatus: filter.verificationStatus });
    }
    const search = filter?.search?.trim();
    if (search) {
      const pattern = `%${escapeLike(search)}%`;
      where.push({ $or: [{ name: { $ilike: pattern } }, { creditCode: { $ilike: pattern } }] });
    }
    return paginate(ctx.em, Organisation, where.length ? { $and: where } : {}, { name: 'asc', uuid: 'asc' }, page);
  }

  @FieldResolver(() => Region, { description: 'Region the organisation sits in' })
  async region(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.regions.byUuid.load(organisation.region.uuid))!;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Parent organisation, e.g. the committee above a branch' })
  parent(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Organisation | undefined> | null {
    return organisation.parent ? ctx.loaders.organisations.byUuid.load(organisation.parent.uuid) : null;
  }

  @FieldResolver(() => [Organisation], { description: 'Sub-organisations, e.g. the branches under a committee, by name' })
  children(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Organisation[]> {
    return ctx.loaders.organisations.childrenByParent.load(organisation.uuid);
  }

  @FieldResolver(() => MembershipConnection, {
    nullable: true,
    description: 'Members, ADMINs first; null unless you are a member or administer a region containing the organisation',
  })
  async members(
    @Root() organisation: Organisation,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Membership> | null> {
    if (!(await viewerCan(ctx, organisation, 'organisation.readMembers'))) {
      return null;
    }
    const memberships = await ctx.loaders.memberships.byOrganisation.load(organisation.uuid);
    return connectionFromArray(memberships, page, (membership) => membership.id);
  }

  @FieldResolver(() => Int, { description: 'Number of members (public, unlike the member list)' })
  memberCount(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.organisations.memberCount.load(organisation.uuid);
  }

  @FieldResolver(() => MembershipRole, { nullable: true, description: "The viewer's role in the organisation; null if not a member" })
  async viewerRole(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<MembershipRole | null> {
    return (await ctx.actor())?.memberships.get(organisation.uuid) ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may edit the profile (organisationUpdate)' })
  viewerCanUpdate(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, organisation, 'organisation.update');
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may verify or reject the organisation (organisationVerify)' })
  viewerCanVerify(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, organisation, 'organisation.verify');
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may add, change and remove members' })
  viewerCanManageMembers(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, organisation, 'membership.manage');
  }

  @FieldResolver(() => Boolean, { description: "Indicates whether the viewer may act on the organisation's behalf (pledge, apply, …)" })
  viewerCanActFor(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, organisation, 'organisation.actFor');
  }

  @Authorized()
  @Mutation(() => OrganisationCreatePayload, {
    description: 'Registers an organisation; it awaits verification and the viewer becomes its ADMIN',
  })
  async organisationCreate(
    @Arg('input', () => OrganisationCreateInput, { description: 'The new organisation' }) input: OrganisationCreateInput,
    @Ctx() ctx: Context,
  ): Promise<OrganisationCreatePayload> {
    return toPayload(OrganisationCreatePayload, await organisationCreate(ctx, input), 'organisation');
  }

  @Authorized()
  @Mutation(() => OrganisationUpdatePayload, {
    description: "Edits an organisation's profile (its ADMIN, or an administrator of its region)",
  })
  async organisationUpdate(
    @Arg('id', () => ID, { description: 'The organisation' }) id: string,
    @Arg('input', () => OrganisationUpdateInput, { description: 'The fields to change' }) input: OrganisationUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<OrganisationUpdatePayload> {
    return toPayload(OrganisationUpdatePayload, await organisationUpdate(ctx, id, input), 'organisation');
  }

  @Authorized()
  @Mutation(() => OrganisationVerifyPayload, {
    description: 'Verifies or rejects an organisation (an administrator of a region containing it, or the platform admin)',
  })
  async organisationVerify(
    @Arg('id', () => ID, { description: 'The organisation' }) id: string,
    @Arg('input', () => OrganisationVerifyInput, { description: 'The decision and its note' }) input: OrganisationVerifyInput,
    @Ctx() ctx: Context,
  ): Promise<OrganisationVerifyPayload> {
    return toPayload(OrganisationVerifyPayload, await organisationVerify(ctx, id, input), 'organisation');
  }
}
