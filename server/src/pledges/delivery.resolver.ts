import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { registerNodeType } from '../common/relay/node-registry.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { canRead } from '../projects/project-access.js';
import { acceptsPledges } from '../projects/project-status.js';
import { visiblePerson } from '../projects/visible-person.js';
import { Delivery } from './delivery.entity.js';
import { Pledge } from './pledge.entity.js';
import { PledgeStatus } from './pledge.enums.js';
import { pledgeFacts } from './pledge.resolver.js';

async function pledgeOf(ctx: Context, delivery: Delivery): Promise<Pledge> {
  return (await ctx.loaders.pledges.byUuid.load(delivery.pledge.uuid))!;
}

registerNodeType('Delivery', {
  load: (ctx, uuid) => ctx.loaders.pledges.deliveryByUuid.load(uuid),
  canRead: async (ctx, delivery) => {
    const pledge = await pledgeOf(ctx, delivery as Delivery);
    return canRead(ctx, (await ctx.loaders.projects.byUuid.load(pledge.project.uuid))!);
  },
});

@Resolver(() => Delivery)
export class DeliveryResolver {
  @FieldResolver(() => Pledge, { description: 'The pledge delivered against' })
  pledge(@Root() delivery: Delivery, @Ctx() ctx: Context): Promise<Pledge> {
    return pledgeOf(ctx, delivery);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who recorded the delivery; null when signed out' })
  recordedBy(@Root() delivery: Delivery, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, delivery.recordedBy);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who confirmed receipt; null while unconfirmed or when signed out' })
  confirmedBy(@Root() delivery: Delivery, @Ctx() ctx: Context): Promise<Person | null> {
    return visiblePerson(ctx, delivery.confirmedBy);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may confirm receipt of this delivery' })
  async viewerCanConfirm(@Root() delivery: Delivery, @Ctx() ctx: Context): Promise<boolean> {
    if (delivery.confirmedAt) {
      return false;
    }
    const pledge = await pledgeOf(ctx, delivery);
    const { project, facts } = await pledgeFacts(ctx, pledge);
    return pledge.status === PledgeStatus.ACCEPTED && acceptsPledges(project.status) && can(await ctx.actor(), 'pledge.respond', facts);
  }
}
