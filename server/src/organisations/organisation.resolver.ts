import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Region } from '../regions/region.entity.js';
import { Organisation } from './organisation.entity.js';

// The directory of organisations is public: co-governance is done in the open.
registerNodeType('Organisation', { load: (ctx, uuid) => ctx.loaders.organisations.byUuid.load(uuid), canRead: () => true });

@Resolver(() => Organisation)
export class OrganisationResolver {
  @FieldResolver(() => Region, { description: 'Region the organisation sits in' })
  async region(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.regions.byUuid.load(organisation.region.uuid))!;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Parent organisation, e.g. the committee above a branch' })
  parent(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Organisation | undefined> | null {
    return organisation.parent ? ctx.loaders.organisations.byUuid.load(organisation.parent.uuid) : null;
  }
}
