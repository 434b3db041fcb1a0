import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { maskAddress, maskName, maskPhone } from '../common/validation/mask.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { DemandEvent } from './demand-event.entity.js';
import { canSeeDemandPersonalData, revealPerson, revealPersonal } from './demand-privacy.js';
import { DemandTicket } from './demand-ticket.entity.js';
import { DemandStatus } from './demand.enums.js';
import { demandFacts } from './demand.facts.js';
import { canStart, DAY_MS, RATING_WINDOW_DAYS, type DemandCommand } from './demand.transitions.js';

type DemandAction = 'demand.dispatch' | 'demand.respond' | 'demand.work' | 'demand.rate';

/** A capability of the viewer on a ticket: the status allows the command and the policy the viewer. */
async function viewerCan(ctx: Context, ticket: DemandTicket, command: DemandCommand, action: DemandAction): Promise<boolean> {
  const actor = await ctx.actor();
  return !!actor && canStart(command, ticket.status) && can(actor, action, await demandFacts(ctx, ticket));
}

@Resolver(() => DemandTicket)
export class DemandFieldsResolver {
  @FieldResolver(() => String, { description: 'Contact name; masked (孙**) unless you may see personal data' })
  async contactName(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<string> {
    return (await revealPersonal(ctx, ticket, ticket.contactName, maskName)) ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Contact phone; masked (138****1234) unless you may see personal data' })
  contactPhone(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<string | null> {
    return revealPersonal(ctx, ticket, ticket.contactPhone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Exact address; masked unless you may see personal data' })
  contactAddress(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<string | null> {
    return revealPersonal(ctx, ticket, ticket.contactAddress, maskAddress);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The resident; null unless you may see personal data' })
  resident(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Person | null> {
    return revealPerson(ctx, ticket, () => ctx.loaders.people.byUuid.load(ticket.resident.uuid));
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'Who submitted the demand (the resident, or a grid worker for them); null unless you may see personal data',
  })
  submittedBy(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Person | null> {
    return revealPerson(ctx, ticket, () => ctx.loaders.people.byUuid.load(ticket.submittedBy.uuid));
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer sees the personal data unmasked' })
  viewerCanSeePersonalData(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<boolean> {
    return canSeeDemandPersonalData(ctx, ticket);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the ticket is the viewer’s own demand' })
  async viewerIsResident(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.actor())?.personUuid === ticket.resident.uuid;
  }

  @FieldResolver(() => Region, { description: 'Grid or micro-grid the demand is in' })
  async grid(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.regions.byUuid.load(ticket.grid.uuid))!;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Organisation the ticket is dispatched to (the owner once accepted)' })
  assignedOrganisation(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Organisation | undefined> | null {
    return ticket.assignedOrganisation ? ctx.loaders.organisations.byUuid.load(ticket.assignedOrganisation.uuid) : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'Organisation that accepted the ticket and owns it until it is resolved',
  })
  ownerOrganisation(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Organisation | undefined> | null {
    return ticket.ownerOrganisation ? ctx.loaders.organisations.byUuid.load(ticket.ownerOrganisation.uuid) : null;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'Who dispatched the ticket last (a grid worker or region admin); null when signed out',
  })
  async dispatcher(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Person | null> {
    if (!ticket.dispatcher || !(await ctx.actor())) {
      return null;
    }
    return (await ctx.loaders.people.byUuid.load(ticket.dispatcher.uuid)) ?? null;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Region whose administrators the overdue ticket was escalated to' })
  escalatedTo(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<Region | undefined> | null {
    return ticket.escalatedTo ? ctx.loaders.regions.byUuid.load(ticket.escalatedTo.uuid) : null;
  }

  @FieldResolver(() => DemandTicket, { nullable: true, description: 'The ticket this duplicate was merged into' })
  mergedInto(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<DemandTicket | undefined> | null {
    return ticket.mergedInto ? ctx.loaders.demands.byUuid.load(ticket.mergedInto.uuid) : null;
  }

  @FieldResolver(() => [DemandEvent], { description: 'Timeline of the ticket, oldest first' })
  events(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<DemandEvent[]> {
    return ctx.loaders.demands.eventsByTicket.load(ticket.uuid);
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the ticket is past the deadline that applies now' })
  overdue(@Root() ticket: DemandTicket, @Ctx() ctx: Context): boolean {
    return !!ticket.dueAt && ticket.dueAt.getTime() < ctx.clock.now().getTime();
  }

  @FieldResolver(() => Date, { nullable: true, description: 'While RESOLVED: when the ticket closes unrated unless the resident rates it' })
  ratingDueAt(@Root() ticket: DemandTicket): Date | null {
    return ticket.status === DemandStatus.RESOLVED && ticket.resolvedAt
      ? new Date(ticket.resolvedAt.getTime() + RATING_WINDOW_DAYS * DAY_MS)
      : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Indicates whether the viewer may dispatch the ticket now (and reject, merge or convert it while nobody has accepted it)',
  })
  viewerCanDispatch(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, ticket, 'dispatch', 'demand.dispatch');
  }

  @FieldResolver(() => Boolean, {
    description: 'Indicates whether the viewer may accept or decline the ticket now (demandAccept, demandDecline)',
  })
  viewerCanRespond(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, ticket, 'accept', 'demand.respond');
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may record actions and resolve the ticket now' })
  viewerCanResolve(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, ticket, 'resolve', 'demand.work');
  }

  @FieldResolver(() => Boolean, { description: 'Indicates whether the viewer may rate the resolution now (demandRate)' })
  viewerCanRate(@Root() ticket: DemandTicket, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan(ctx, ticket, 'rate', 'demand.rate');
  }
}
