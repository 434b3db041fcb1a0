import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { toPayload } from '../common/errors/result.js';
import { Connection, ConnectionArgs, connectionFromArray, paginate, type ConnectionShape } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { escapeLike } from '../common/sql.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { ServiceOffering } from './service-offering.entity.js';
import { ServiceOfferingCreateInput, ServiceOfferingFilter, ServiceOfferingUpdateInput } from './service-offering.inputs.js';
import { ServiceOfferingCreatePayload, ServiceOfferingUpdatePayload } from './service-offering.payloads.js';
import { serviceOfferingCreate, serviceOfferingUpdate } from './service-offering.service.js';

export const ServiceOfferingConnection = Connection(ServiceOffering, 'ServiceOffering');

// The 服务清单 is public: residents and projects look up who offers what.
registerNodeType('ServiceOffering', { load: (ctx, uuid) => ctx.loaders.offerings.byUuid.load(uuid), canRead: () => true });

const NO_ROW = '00000000-0000-0000-0000-000000000000';

async function offeringsWhere(ctx: Context, filter: ServiceOfferingFilter | null): Promise<FilterQuery<ServiceOffering>> {
  const where: FilterQuery<ServiceOffering>[] = [];
  if (filter?.organisationId) {
    where.push({ organisation: uuidOf(filter.organisationId, 'Organisation') ?? NO_ROW });
  }
  if (filter?.category) {
    where.push({ category: filter.category });
  }
  if (filter?.kind) {
    where.push({ kind: filter.kind });
  }
  if (typeof filter?.active === 'boolean') {
    where.push({ active: filter.active });
  }
  if (filter?.regionId) {
    const uuid = uuidOf(filter.regionId, 'Region');
    const region = uuid && (await ctx.loaders.regions.byUuid.load(uuid));
    if (!region) {
      where.push({ uuid: NO_ROW });
    } else {
      // Served regions that contain it (its ancestors and itself, the uuids of its path) or lie inside it.
      const enclosing = region.path.split('/').filter(Boolean);
      where.push({
        $or: [
          { servedRegions: { region: { $in: enclosing } } },
          { servedRegions: { region: { path: { $like: `${escapeLike(region.path)}%` } } } },
        ],
      });
    }
  }
  return where.length ? { $and: where } : {};
}

@Resolver(() => ServiceOffering)
export class ServiceOfferingResolver {
  @Query(() => ServiceOffering, { nullable: true, description: 'A service offering by id' })
  async serviceOffering(
    @Arg('id', () => ID, { description: 'The service offering' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceOffering | null> {
    const uuid = uuidOf(id, 'ServiceOffering');
    return (uuid && (await ctx.loaders.offerings.byUuid.load(uuid))) || null;
  }

  @Query(() => ServiceOfferingConnection, { description: 'The service list (服务清单): who offers what where, by title, filtered' })
  async serviceOfferings(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ServiceOfferingFilter, { nullable: true, description: 'Conditions the offerings must meet' })
    filter: ServiceOfferingFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ServiceOffering>> {
    return paginate(ctx.em, ServiceOffering, await offeringsWhere(ctx, filter), { title: 'asc', uuid: 'asc' }, page);
  }

  @Authorized()
  @Mutation(() => ServiceOfferingCreatePayload, {
    description: 'Lists a service of an organisation: its ADMINs and COORDINATORs, or a member for their own expertise',
  })
  async serviceOfferingCreate(
    @Arg('input', () => ServiceOfferingCreateInput, { description: 'The new offering' }) input: ServiceOfferingCreateInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceOfferingCreatePayload> {
    return toPayload(ServiceOfferingCreatePayload, await serviceOfferingCreate(ctx, input), 'serviceOffering');
  }

  @Authorized()
  @Mutation(() => ServiceOfferingUpdatePayload, { description: 'Edits, withdraws (active: false) or restores a service offering' })
  async serviceOfferingUpdate(
    @Arg('id', () => ID, { description: 'The service offering' }) id: string,
    @Arg('input', () => ServiceOfferingUpdateInput, { description: 'The changes' }) input: ServiceOfferingUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceOfferingUpdatePayload> {
    return toPayload(ServiceOfferingUpdatePayload, await serviceOfferingUpdate(ctx, id, input), 'serviceOffering');
  }

  @FieldResolver(() => Organisation, { description: 'Organisation offering the service' })
  async organisation(@Root() offering: ServiceOffering, @Ctx() ctx: Context): Promise<Organisation> {
    return (await ctx.loaders.organisations.byUuid.load(offering.organisation.uuid))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Member who personally offers their expertise; null when signed out' })
  async person(@Root() offering: ServiceOffering, @Ctx() ctx: Context): Promise<Person | null> {
    if (!offering.person) {
      return null;
    }
    const person = await ctx.loaders.people.byUuid.load(offering.person.uuid);
    return person && can(await ctx.actor(), 'person.read', { deleted: !!person.deletedAt }) ? person : null;
  }

  @FieldResolver(() => [Region], { description: 'Regions served; a demand in a grid inside one of them matches' })
  async regions(@Root() offering: ServiceOffering, @Ctx() ctx: Context): Promise<Region[]> {
    const links = await ctx.loaders.offerings.servedRegions.load(offering.uuid);
    const regions = await ctx.loaders.regions.byUuid.loadMany(links.map((link) => link.region.uuid));
    return regions.filter((region): region is Region => region instanceof Region);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may edit the offering (serviceOfferingUpdate)' })
  async viewerCanUpdate(@Root() offering: ServiceOffering, @Ctx() ctx: Context): Promise<boolean> {
    const facts = { organisationUuid: offering.organisation.uuid, personUuid: offering.person?.uuid ?? null };
    return can(await ctx.actor(), 'serviceOffering.manage', facts);
  }
}

@Resolver(() => Organisation)
export class OrganisationServiceOfferingsResolver {
  @FieldResolver(() => ServiceOfferingConnection, { description: 'Services the organisation offers (服务清单), available ones first' })
  async serviceOfferings(
    @Root() organisation: Organisation,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ServiceOffering>> {
    const offerings = await ctx.loaders.offerings.byOrganisation.load(organisation.uuid);
    return connectionFromArray(offerings, page, (offering) => offering.id);
  }
}
