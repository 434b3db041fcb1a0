import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Connection, ConnectionArgs, paginate } from '../common/relay/connection.js';
import { uuidOf } from '../common/relay/global-id.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Region } from './region.entity.js';
import { RegionFilter } from './region.inputs.js';
import { escapeLike } from '../common/sql.js';
import { can } from '../policy/policy.js';

export const RegionConnection = Connection(Region, 'Region');

// The region tree is public: it is the map everyone navigates by.
registerNodeType('Region', { load: (ctx, uuid) => ctx.loaders.regions.byUuid.load(uuid), canRead: () => true });

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by id' })
  async region(@Arg('id', () => ID, { description: 'Global id of the region' }) id: string, @Ctx() ctx: Context): Promise<Region | null> {
    const uuid = uuidOf(id, 'Region');
    return (uuid && (await ctx.loaders.regions.byUuid.load(uuid))) || null;
  }

  @Query(() => RegionConnection, { description: 'Regions in tree order (each region before its subtree), filtered' })
  async regions(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => RegionFilter, { nullable: true, description: 'Conditions the regions must meet' }) filter: RegionFilter | null,
    @Ctx() ctx: Context,
  ) {
    const where: FilterQuery<Region>[] = [];
    if (filter?.parentId) {
      where.push({ parent: uuidOf(filter.parentId, 'Region') ?? null });
    }
    if (filter?.withinId) {
      const within = await ctx.loaders.regions.byUuid.load(uuidOf(filter.withinId, 'Region') ?? '00000000-0000-0000-0000-000000000000');
      where.push(within ? { path: { $like: `${escapeLike(within.path)}_%` } } : { uuid: null as never });
    }
    if (filter?.level) {
      where.push({ level: filter.level });
    }
    if (filter?.search?.trim()) {
      where.push({ name: { $ilike: `%${escapeLike(filter.search.trim())}%` } });
    }
    return paginate(ctx.em, Region, where.length ? { $and: where } : {}, { path: 'asc', uuid: 'asc' }, page);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Parent region; null for the top' })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | undefined> | null {
    return region.parent ? ctx.loaders.regions.byUuid.load(region.parent.uuid) : null;
  }

  @FieldResolver(() => [Region], { description: 'Direct child regions' })
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.regions.childrenByParent.load(region.uuid);
  }

  @FieldResolver(() => [Region], { description: 'Ancestors from the top down to the parent, for breadcrumbs' })
  async ancestors(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    const uuids = region.path.split('/').filter(Boolean).slice(0, -1);
    const found = await ctx.loaders.regions.byUuid.loadMany(uuids);
    return found.filter((item): item is Region => item instanceof Region);
  }

  @FieldResolver(() => Int, { description: 'Number of organisations in the region and everything below it' })
  organisationCount(@Root() region: Region, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.regions.organisationCount.load(region.uuid);
  }

  @FieldResolver(() => Boolean, {
    description: 'Indicates whether the viewer administers this region (as REGION_ADMIN of it or above, or platform admin)',
  })
  async viewerCanAdminister(@Root() region: Region, @Ctx() ctx: Context): Promise<boolean> {
    return can(await ctx.actor(), 'region.administer', region.path);
  }
}
