import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemandCategoryPolicy } from '../demands/demand-category-policy.entity.js';
import { DemandEvent } from '../demands/demand-event.entity.js';
import { DemandTicket } from '../demands/demand-ticket.entity.js';
import {
  DemandCategory,
  DemandChannel,
  DemandContactPreference,
  DemandEventAction,
  DemandRating,
  DemandStatus,
} from '../demands/demand.enums.js';
import { currentDueAt, DAY_MS, HOUR_MS, RATING_WINDOW_DAYS } from '../demands/demand.transitions.js';
import type { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Region } from '../regions/region.entity.js';
import {
  ACTION_NOTES,
  DECLINE_REASONS,
  DEMAND_DESCRIPTIONS,
  PLACES,
  RATING_COMMENTS,
  REJECTION_REASONS,
  RESOLUTION_NOTES,
} from './demand-stories.js';
import type { Random } from './random.js';

/** The life a demo ticket has had so far. */
export type Kind =
  | 'SUBMITTED'
  | 'DISPATCHED'
  | 'ACCEPTED'
  | 'REOPENED'
  | 'RESOLVED'
  | 'RATED'
  | 'RATED_AFTER_REOPENING'
  | 'CLOSED_UNRATED'
  | 'REJECTED'
  | 'CONVERTED_TO_NEED'
  | 'MERGED';

export interface Resident {
  uuid: string;
  name: string;
  phone: string;
  address: string | null;
  gridUuid: string;
  gridPath: string;
}

export interface StoryCast {
  residents: Resident[];
  demoResident: Resident | undefined;
  /** Grid workers with the path of the grid they work. */
  gridWorkers: { person: string; path: string }[];
  /** Who dispatches where no grid worker does: the street's administrator. */
  townshipAdmin: string;
  /** Regions that have a REGION_ADMIN: overdue tickets escalate to the nearest one above the grid. */
  adminRegions: Set<string>;
  township: Region;
  owners: (category: DemandCategory) => Organisation[];
  /** Organisation uuid → one of its ADMINs or COORDINATORs, who answers and works its tickets. */
  handlers: Map<string, string>;
  needs: { uuid: string; path: string }[];
  policies: Map<DemandCategory, DemandCategoryPolicy>;
}

const CATEGORIES = Object.values(DemandCategory);
const DAY = DAY_MS;
const HOUR = HOUR_MS;

/**
 * Builds demo tickets step by step as the services would have (submit, dispatch, accept, resolve,
 * rate…), each step appending its timeline event, with times going forward from the submission and
 * never past `now`. Nothing is written until `insert()`.
 */
export class DemandStoryBuilder {
  readonly tickets: DemandTicket[] = [];
  readonly events: DemandEvent[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly random: Random,
    private readonly now: Date,
    private readonly cast: StoryCast,
  ) {}

  build(kind: Kind, resident?: Resident): void {
    if (kind === 'MERGED') {
      this.duplicate();
      return;
    }
    const needs = this.cast.needs.filter((candidate) =>
      this.cast.residents.some((resident) => resident.gridPath.startsWith(candidate.path)),
    );
    const need = kind === 'CONVERTED_TO_NEED' && needs.length ? this.random.pick(needs) : undefined;
    const who = resident ?? this.residentFor(need?.path);
    const ticket = this.submit(who, this.random.pick(CATEGORIES), this.ageOf(kind));
    switch (kind) {
      case 'SUBMITTED':
        break;
      case 'REJECTED':
        this.close(ticket, DemandStatus.REJECTED, DemandEventAction.REJECTED, this.random.pick(REJECTION_REASONS), 3 * HOUR);
        break;
      case 'CONVERTED_TO_NEED':
        if (need) {
          ticket.convertedNeedUuid = need.uuid;
          this.close(ticket, DemandStatus.CONVERTED_TO_NEED, DemandEventAction.CONVERTED_TO_NEED, '纳入合伙人项目统筹解决', 5 * HOUR);
        } else {
          this.close(ticket, DemandStatus.REJECTED, DemandEventAction.REJECTED, this.random.pick(REJECTION_REASONS), 3 * HOUR);
        }
        break;
      default:
        this.handle(ticket, kind);
    }
    this.escalateIfOverdue(ticket);
  }

  async insert(): Promise<void> {
    await this.em.insertMany(DemandTicket, this.tickets);
    await this.em.insertMany(DemandEvent, this.events);
  }

  /** Dispatch, acceptance and what follows, for every kind an organisation took on. */
  private handle(ticket: DemandTicket, kind: Kind): void {
    const owner = this.random.pick(this.cast.owners(ticket.category));
    // Now and then the first organisation declines and the dispatcher sends it elsewhere.
    if (kind !== 'DISPATCHED' && this.random.chance(0.15)) {
      this.dispatch(ticket, owner, this.at(ticket, this.random.int(1, 3) * HOUR));
      ticket.status = DemandStatus.SUBMITTED;
      ticket.assignedOrganisation = null;
      this.event(
        ticket,
        DemandEventAction.DECLINED,
        this.at(ticket, HOUR),
        this.handlerOf(owner),
        owner,
        this.random.pick(DECLINE_REASONS),
      );
    }
    this.dispatch(ticket, owner, this.at(ticket, this.random.int(1, 4) * HOUR));
    if (kind === 'DISPATCHED') {
      return;
    }
    const acceptedAt = this.at(ticket, this.random.int(1, 10) * HOUR);
    Object.assign(ticket, { status: DemandStatus.ACCEPTED, ownerOrganisation: owner, acceptedAt, respondedAt: acceptedAt });
    this.event(ticket, DemandEventAction.ACCEPTED, acceptedAt, this.handlerOf(owner), owner);
    if (this.random.chance(0.5)) {
      const at = this.at(ticket, this.random.int(2, 20) * HOUR);
      this.event(ticket, DemandEventAction.ACTION_RECORDED, at, this.handlerOf(owner), owner, this.random.pick(ACTION_NOTES));
    }
    if (kind === 'ACCEPTED') {
      return;
    }
    this.resolve(ticket, owner, kind === 'RESOLVED');
    if (kind === 'RESOLVED') {
      return;
    }
    if (kind === 'CLOSED_UNRATED') {
      const closedAt = new Date(ticket.resolvedAt!.getTime() + RATING_WINDOW_DAYS * DAY);
      Object.assign(ticket, { status: DemandStatus.CLOSED_UNRATED, closedAt });
      this.event(ticket, DemandEventAction.CLOSED_UNRATED, closedAt, null, null, null, true);
      return;
    }
    if (kind === 'REOPENED' || kind === 'RATED_AFTER_REOPENING') {
      this.rate(ticket, DemandRating.UNSATISFIED);
      if (kind === 'REOPENED') {
        return;
      }
      this.resolve(ticket, owner, false);
    }
    // A first-round UNSATISFIED would reopen the ticket: only a second round may end unsatisfied.
    const ratings =
      kind === 'RATED_AFTER_REOPENING'
        ? [DemandRating.SATISFIED, DemandRating.PARTLY, DemandRating.UNSATISFIED]
        : [DemandRating.SATISFIED, DemandRating.PARTLY];
    this.rate(ticket, this.random.weighted(ratings, [6, 3, 2]));
  }

  /** How old a ticket of this kind is, in ms: new ones for the open states, older ones for the closed. */
  private ageOf(kind: Kind): number {
    const hours = (min: number, max: number) => this.random.int(min, max) * HOUR;
    switch (kind) {
      case 'SUBMITTED':
        return hours(2, 40);
      case 'DISPATCHED':
        return hours(6, 50);
      case 'ACCEPTED':
        return hours(14, 12 * 24);
      case 'RESOLVED':
        return hours(3 * 24, 8 * 24);
      case 'REOPENED':
        return hours(14 * 24, 22 * 24);
      default:
        // Old enough for the longest story (two rounds) to have ended.
        return hours(30 * 24, 80 * 24);
    }
  }

  private residentFor(path: string | undefined): Resident {
    const candidates = path ? this.cast.residents.filter((resident) => resident.gridPath.startsWith(path)) : [];
    return this.random.pick(candidates.length ? candidates : this.cast.residents);
  }

  /** The grid worker of the resident's grid, or the street's administrator. */
  private dispatcherFor(gridPath: string): string {
    return this.cast.gridWorkers.find((worker) => gridPath.startsWith(worker.path))?.person ?? this.cast.townshipAdmin;
  }

  /** `offset` after the latest event of the ticket, but never in the future. */
  private at(ticket: DemandTicket, offset: number): Date {
    return new Date(Math.min(ticket.updatedAt.getTime() + offset, this.now.getTime() - 60_000));
  }

  private submit(resident: Resident, category: DemandCategory, age: number): DemandTicket {
    const submittedAt = new Date(this.now.getTime() - age);
    const policy = this.cast.policies.get(category);
    const byPhone = this.random.chance(0.2);
    const ticket = this.em.create(
      DemandTicket,
      {
        resident: this.em.getReference(Person, resident.uuid),
        submittedBy: this.em.getReference(Person, byPhone ? this.dispatcherFor(resident.gridPath) : resident.uuid),
        channel: byPhone ? this.random.pick([DemandChannel.PHONE, DemandChannel.IN_PERSON]) : DemandChannel.ONLINE,
        grid: this.em.getReference(Region, resident.gridUuid),
        category,
        description: this.random.pick(DEMAND_DESCRIPTIONS[category]),
        place: this.random.pick(PLACES),
        contactName: resident.name,
        contactPhone: resident.phone,
        contactAddress: resident.address,
        contactPreference: this.random.pick(Object.values(DemandContactPreference)),
        responseDueAt: new Date(submittedAt.getTime() + (policy?.responseHours ?? 24) * HOUR),
        resolutionDueAt: new Date(submittedAt.getTime() + (policy?.resolutionHours ?? 168) * HOUR),
        createdAt: submittedAt,
        updatedAt: submittedAt,
      },
      { persist: false },
    );
    this.tickets.push(ticket);
    this.event(ticket, DemandEventAction.SUBMITTED, submittedAt, byPhone ? ticket.submittedBy.uuid : resident.uuid);
    return ticket;
  }

  private dispatch(ticket: DemandTicket, organisation: Organisation, at: Date): void {
    const dispatcher = this.dispatcherFor(this.gridPathOf(ticket));
    Object.assign(ticket, {
      status: DemandStatus.DISPATCHED,
      assignedOrganisation: organisation,
      dispatcher: this.em.getReference(Person, dispatcher),
      dispatchedAt: at,
    });
    this.event(ticket, DemandEventAction.DISPATCHED, at, dispatcher);
  }

  /** Resolves within the deadline most of the time; `recent` keeps it inside the rating window. */
  private resolve(ticket: DemandTicket, owner: Organisation, recent: boolean): void {
    const earliest = ticket.updatedAt.getTime();
    const resolvedAt = recent
      ? new Date(Math.max(earliest + HOUR, this.now.getTime() - this.random.int(4, 6 * 24) * HOUR))
      : this.at(ticket, this.random.chance(0.8) ? this.random.int(6, 5 * 24) * HOUR : this.random.int(8 * 24, 10 * 24) * HOUR);
    Object.assign(ticket, {
      status: DemandStatus.RESOLVED,
      resolvedAt,
      resolutionNote: this.random.pick(RESOLUTION_NOTES),
      resolutionEvidenceUrls: [`https://files.gongzhi.example/demo/${ticket.uuid}.jpg`],
    });
    this.event(ticket, DemandEventAction.RESOLVED, resolvedAt, this.handlerOf(owner), owner, ticket.resolutionNote);
  }

  private rate(ticket: DemandTicket, rating: DemandRating): void {
    const ratedAt = this.at(ticket, this.random.int(4, 72) * HOUR);
    const comment = this.random.pick(RATING_COMMENTS[rating]);
    Object.assign(ticket, { rating, ratingComment: comment, ratedAt });
    if (rating === DemandRating.UNSATISFIED && ticket.reopenedCount === 0) {
      const hours = this.cast.policies.get(ticket.category)?.resolutionHours ?? 168;
      Object.assign(ticket, {
        status: DemandStatus.ACCEPTED,
        round: 2,
        reopenedCount: 1,
        resolvedAt: null,
        resolutionDueAt: new Date(ratedAt.getTime() + hours * HOUR),
      });
      this.event(ticket, DemandEventAction.REOPENED, ratedAt, ticket.resident.uuid, null, comment, false, rating);
      return;
    }
    Object.assign(ticket, { status: DemandStatus.RATED, closedAt: ratedAt });
    this.event(ticket, DemandEventAction.RATED, ratedAt, ticket.resident.uuid, null, comment, false, rating);
  }

  private close(ticket: DemandTicket, status: DemandStatus, action: DemandEventAction, note: string, after: number): void {
    const at = this.at(ticket, after);
    Object.assign(ticket, { status, closedAt: at, rejectionReason: status === DemandStatus.REJECTED ? note : null });
    this.event(ticket, action, at, this.dispatcherFor(this.gridPathOf(ticket)), null, note);
  }

  /** A second resident reports what an older ticket already covers; the dispatcher merges it. */
  private duplicate(): void {
    const targets = this.tickets.filter((ticket) => ticket.createdAt.getTime() < this.now.getTime() - 3 * DAY && !ticket.mergedInto);
    const target = this.random.pick(targets);
    const neighbours = this.cast.residents.filter((resident) => resident.gridUuid === target.grid.uuid);
    const ticket = this.submit(this.random.pick(neighbours), target.category, this.now.getTime() - target.createdAt.getTime() - 6 * HOUR);
    ticket.description = target.description;
    const at = this.at(ticket, 2 * HOUR);
    Object.assign(ticket, { status: DemandStatus.MERGED, closedAt: at, mergedInto: target });
    this.event(ticket, DemandEventAction.MERGED, at, this.dispatcherFor(this.gridPathOf(ticket)), null, '与已有工单为同一问题');
    this.events.push(
      this.em.create(
        DemandEvent,
        {
          ticket: target,
          action: DemandEventAction.DUPLICATE_MERGED,
          status: this.statusAt(target, at),
          round: 1,
          note: '与已有工单为同一问题',
          createdAt: at,
        },
        { persist: false },
      ),
    );
  }

  /** Past its deadline and still owed: flagged to the administrators of the nearest region above that has them. */
  private escalateIfOverdue(ticket: DemandTicket): void {
    ticket.dueAt = currentDueAt(ticket);
    if (!ticket.dueAt || ticket.dueAt.getTime() >= this.now.getTime()) {
      return;
    }
    const chain = this.gridPathOf(ticket).split('/').filter(Boolean).slice(0, -1).reverse();
    const target = chain.find((uuid) => this.cast.adminRegions.has(uuid)) ?? this.cast.township.uuid;
    Object.assign(ticket, { escalatedAt: ticket.dueAt, escalatedTo: this.em.getReference(Region, target) });
    this.event(ticket, DemandEventAction.ESCALATED, ticket.dueAt, null, null, null, true);
  }

  private handlerOf(organisation: Organisation): string | null {
    return this.cast.handlers.get(organisation.uuid) ?? null;
  }

  /** The status a ticket had at `at`, as its timeline recorded it. */
  private statusAt(ticket: DemandTicket, at: Date): DemandStatus {
    const before = this.events.filter((event) => event.ticket === ticket && event.createdAt.getTime() <= at.getTime());
    return before.at(-1)?.status ?? ticket.status;
  }

  private gridPathOf(ticket: DemandTicket): string {
    return this.cast.residents.find((resident) => resident.gridUuid === ticket.grid.uuid)!.gridPath;
  }

  private event(
    ticket: DemandTicket,
    action: DemandEventAction,
    at: Date,
    actor: string | null,
    organisation: Organisation | null = null,
    note: string | null = null,
    bySystem = false,
    rating: DemandRating | null = null,
  ): void {
    ticket.updatedAt = at;
    this.events.push(
      this.em.create(
        DemandEvent,
        {
          ticket,
          actor: bySystem || !actor ? null : this.em.getReference(Person, actor),
          organisation,
          action,
          status: ticket.status,
          round: ticket.round,
          note,
          rating,
          createdAt: at,
        },
        { persist: false },
      ),
    );
  }
}
