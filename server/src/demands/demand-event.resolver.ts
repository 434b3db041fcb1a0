import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { DemandEvent } from './demand-event.entity.js';
import { revealPerson } from './demand-privacy.js';

@Resolver(() => DemandEvent)
export class DemandEventResolver {
  @FieldResolver(() => Date, { description: 'When it happened' })
  at(@Root() event: DemandEvent): Date {
    return event.createdAt;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description:
      'Who did it; null for what the platform did by itself, when signed out, and for the resident’s own steps unless you may see personal data',
  })
  async actor(@Root() event: DemandEvent, @Ctx() ctx: Context): Promise<Person | null> {
    if (!event.actor || !(await ctx.actor())) {
      return null;
    }
    const actorUuid = event.actor.uuid;
    const ticket = await ctx.loaders.demands.byUuid.load(event.ticket.uuid);
    if (!ticket) {
      return null;
    }
    const load = () => ctx.loaders.people.byUuid.load(actorUuid);
    // The resident's name is the ticket's personal data: their own steps reveal it (and log it) only as the ticket does.
    return ticket.resident.uuid === actorUuid ? revealPerson(ctx, ticket, load) : ((await load()) ?? null);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Organisation the step was taken for, if any' })
  organisation(@Root() event: DemandEvent, @Ctx() ctx: Context): Promise<Organisation | undefined> | null {
    return event.organisation ? ctx.loaders.organisations.byUuid.load(event.organisation.uuid) : null;
  }
}
