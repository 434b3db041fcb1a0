import type { EntityManager } from '@mikro-orm/postgresql';
import { ActivityEntry } from '../activity/activity-entry.entity.js';
import { toGlobalId } from '../common/relay/global-id.js';
import { chinaDay } from '../common/time/china-day.js';
import { Deliverable, DeliverableOwner, DeliverablePledge } from '../deliverables/deliverable.entity.js';
import { DeliverableStatus } from '../deliverables/deliverable.enums.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { ProjectPartner } from '../partners/project-partner.entity.js';
import { ProjectPartnerRole, ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import { Person } from '../people/person.entity.js';
import { Delivery } from '../pledges/delivery.entity.js';
import { Pledge } from '../pledges/pledge.entity.js';
import { PledgeStatus } from '../pledges/pledge.enums.js';
import { Project, ProjectRegion } from '../projects/project.entity.js';
import { ProjectStatus } from '../projects/project.enums.js';
import { Region } from '../regions/region.entity.js';
import type { DeliverableStory, NeedStory, ProjectStory } from './project-stories.js';

const DAY_MS = 86_400_000;

/** The organisations a story resolved to: the lead and each partner key that was found. */
export interface Cast {
  lead: string;
  partners: Map<string, string>;
  /** An ADMIN or COORDINATOR per organisation, who acts for it in the timeline. */
  actors: ReadonlyMap<string, string>;
  /** The regions the project serves. */
  regions: string[];
}

/** YYYY-MM-DD of `days` after `today` (negative: before). */
function dayFrom(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Writes one story into the unit of work: the project and its places, needs, pledges, deliveries and
 * deliverables, each step with its activity entry, spread over the project's past so its timeline
 * reads like the real thing. Everything respects the rules the API enforces.
 */
export class ProjectBuilder {
  private readonly project: Project;
  private readonly accepted = new Set<string>();
  private readonly needs = new Map<string, Need>();
  /** Pledges per need key, at the index of their story (undefined where the pledger was not found). */
  private readonly pledges = new Map<string, (Pledge | undefined)[]>();
  private step = 0;
  private readonly steps: number;
  private readonly start: number;

  constructor(
    private readonly em: EntityManager,
    private readonly story: ProjectStory,
    private readonly cast: Cast,
    private readonly now: Date,
    private readonly today: string,
  ) {
    // Created some weeks before it starts (or before today, for a project starting later).
    this.start = now.getTime() - (Math.max(story.startedDaysAgo, 0) + 21) * DAY_MS;
    this.steps =
      4 +
      story.partners.length * 2 +
      story.needs.reduce((sum, need) => sum + 2 + need.pledges.length * 6, 0) +
      story.deliverables.length * 5;
    this.project = em.create(Project, {
      title: story.title,
      summary: story.summary,
      category: story.category,
      status: ProjectStatus.DRAFT,
      startDate: dayFrom(today, -story.startedDaysAgo),
      endDate: dayFrom(today, story.lastsDays - story.startedDaysAgo),
      leadOrganisation: this.organisation(cast.lead),
      createdBy: this.actor(cast.lead),
      createdAt: this.tick(),
    });
  }

  /** The next moment of the project's past, evenly spread up to an hour ago. */
  private tick(): Date {
    this.step += 1;
    const span = this.now.getTime() - 3_600_000 - this.start;
    return new Date(this.start + Math.min(this.step / this.steps, 1) * span);
  }

  private organisation(uuid: string): Organisation {
    return this.em.getReference(Organisation, uuid);
  }

  private actor(organisationUuid: string): Person | null {
    const person = this.cast.actors.get(organisationUuid);
    return person ? this.em.getReference(Person, person) : null;
  }

  private log(
    at: Date,
    action: string,
    subject: { type: string; uuid: string },
    by: string,
    after: Record<string, unknown>,
    before?: Record<string, unknown>,
  ): void {
    this.em.create(ActivityEntry, {
      actor: this.actor(by),
      onBehalfOf: this.organisation(by),
      action,
      subjectType: subject.type,
      subjectUuid: subject.uuid,
      projectUuid: this.project.uuid,
      before: before ?? null,
      after,
      createdAt: at,
    });
  }

  build(): Project {
    const { story, cast, project } = this;
    for (const uuid of cast.regions) {
      this.em.create(ProjectRegion, { project, region: this.em.getReference(Region, uuid), createdAt: project.createdAt });
    }
    this.em.create(ProjectPartner, {
      project,
      organisation: this.organisation(cast.lead),
      role: ProjectPartnerRole.CORE,
      status: ProjectPartnerStatus.ACCEPTED,
      createdBy: this.actor(cast.lead),
      joinedAt: project.createdAt,
      createdAt: project.createdAt,
    });
    this.accepted.add(cast.lead);
    this.log(project.createdAt, 'project.created', { type: 'Project', uuid: project.uuid }, cast.lead, {
      title: project.title,
      status: 'DRAFT',
    });
    this.addPartners();
    story.needs.forEach((need) => this.addNeed(need));
    if (story.status !== ProjectStatus.DRAFT) {
      this.transition(ProjectStatus.RECRUITING);
      story.needs.forEach((need) => this.addPledges(need));
    }
    if (story.status === ProjectStatus.ACTIVE || story.status === ProjectStatus.COMPLETED) {
      this.transition(ProjectStatus.ACTIVE);
    }
    story.needs.forEach((need) => this.addDeliveries(need));
    story.deliverables.forEach((deliverable) => this.addDeliverable(deliverable));
    story.needs.filter((need) => need.closed).forEach((need) => this.closeNeed(need));
    if (story.status === ProjectStatus.COMPLETED || story.status === ProjectStatus.CANCELLED) {
      this.transition(story.status, story.statusReason);
    }
    return project;
  }

  private transition(to: ProjectStatus, reason?: string): void {
    const from = this.project.status;
    this.project.status = to;
    this.project.statusReason = reason ?? null;
    const cancelled: string[] = [];
    if (to === ProjectStatus.CANCELLED) {
      for (const pledge of [...this.pledges.values()].flat()) {
        if (pledge?.status === PledgeStatus.CANCELLED) {
          cancelled.push(toGlobalId('Pledge', pledge.uuid));
        }
      }
    }
    this.log(
      this.tick(),
      'project.transitioned',
      { type: 'Project', uuid: this.project.uuid },
      this.cast.lead,
      {
        status: to,
        reason: reason ?? null,
        ...(cancelled.length ? { cancelledPledgeIds: cancelled } : {}),
      },
      { status: from },
    );
  }

  private addPartners(): void {
    for (const partner of this.story.partners) {
      const uuid = this.cast.partners.get(partner.key);
      if (!uuid) {
        continue;
      }
      const status = partner.status ?? ProjectPartnerStatus.ACCEPTED;
      const askedAt = this.tick();
      const place = this.em.create(ProjectPartner, {
        project: this.project,
        organisation: this.organisation(uuid),
        role: partner.role,
        status: partner.applied ? ProjectPartnerStatus.APPLIED : ProjectPartnerStatus.INVITED,
        createdBy: this.actor(partner.applied ? uuid : this.cast.lead),
        createdAt: askedAt,
      });
      const subject = { type: 'ProjectPartner', uuid: place.uuid };
      this.log(
        askedAt,
        partner.applied ? 'projectPartner.applied' : 'projectPartner.invited',
        subject,
        partner.applied ? uuid : this.cast.lead,
        {
          role: place.role,
          status: place.status,
        },
      );
      if (status === ProjectPartnerStatus.ACCEPTED) {
        const answeredAt = this.tick();
        const by = partner.applied ? this.cast.lead : uuid;
        Object.assign(place, { status, respondedAt: answeredAt, respondedBy: this.actor(by), joinedAt: answeredAt });
        this.accepted.add(uuid);
        this.log(answeredAt, 'projectPartner.accepted', subject, by, { role: place.role, status });
      }
    }
  }

  private addNeed(story: NeedStory): void {
    const createdAt = this.tick();
    const need = this.em.create(Need, {
      project: this.project,
      kind: story.kind,
      description: story.description,
      quantity: story.quantity,
      unit: story.unit,
      deadline: story.deadlineInDays === undefined ? null : dayFrom(this.today, story.deadlineInDays),
      allowOversubscription: story.allowOversubscription ?? false,
      createdBy: this.actor(this.cast.lead),
      createdAt,
    });
    this.needs.set(story.key, need);
    this.log(createdAt, 'need.created', { type: 'Need', uuid: need.uuid }, this.cast.lead, {
      kind: need.kind,
      quantity: need.quantity,
      unit: need.unit,
    });
  }

  private pledgerOf(by: string): string | undefined {
    return by === 'lead' ? this.cast.lead : this.cast.partners.get(by);
  }

  private addPledges(story: NeedStory): void {
    const need = this.needs.get(story.key)!;
    const made: (Pledge | undefined)[] = [];
    this.pledges.set(story.key, made);
    for (const pledgeStory of story.pledges) {
      const pledger = this.pledgerOf(pledgeStory.by);
      if (!pledger) {
        made.push(undefined);
        continue;
      }
      const createdAt = this.tick();
      const pledge = this.em.create(Pledge, {
        need,
        project: this.project,
        organisation: this.organisation(pledger),
        quantity: pledgeStory.quantity,
        note: pledgeStory.note ?? null,
        status: PledgeStatus.PROPOSED,
        createdBy: this.actor(pledger),
        createdAt,
      });
      made.push(pledge);
      const subject = { type: 'Pledge', uuid: pledge.uuid };
      this.log(createdAt, 'pledge.created', subject, pledger, { quantity: pledge.quantity, status: 'PROPOSED' });
      const final = pledgeStory.status;
      if (final === PledgeStatus.PROPOSED || final === PledgeStatus.CANCELLED) {
        pledge.status = final;
        continue;
      }
      const answered = final === PledgeStatus.DECLINED ? PledgeStatus.DECLINED : PledgeStatus.ACCEPTED;
      const respondedAt = this.tick();
      Object.assign(pledge, { status: answered, respondedAt, respondedBy: this.actor(this.cast.lead) });
      this.log(respondedAt, answered === PledgeStatus.ACCEPTED ? 'pledge.accepted' : 'pledge.declined', subject, this.cast.lead, {
        quantity: pledge.quantity,
        status: answered,
      });
      if (final === PledgeStatus.WITHDRAWN) {
        pledge.status = PledgeStatus.WITHDRAWN;
        this.log(this.tick(), 'pledge.withdrawn', subject, pledger, { quantity: pledge.quantity, status: pledge.status });
      }
    }
  }

  private addDeliveries(story: NeedStory): void {
    const made = this.pledges.get(story.key) ?? [];
    story.pledges.forEach((pledgeStory, index) => {
      const pledge = made[index];
      if (!pledge || (pledge.status !== PledgeStatus.ACCEPTED && pledgeStory.status !== PledgeStatus.FULFILLED)) {
        return;
      }
      const pledger = pledge.organisation.uuid;
      const record = (quantity: string, confirm: boolean) => {
        const recordedAt = this.tick();
        const delivery = this.em.create(Delivery, {
          pledge,
          quantity,
          deliveredOn: chinaDay(recordedAt),
          recordedBy: this.actor(pledger),
          createdAt: recordedAt,
        });
        const subject = { type: 'Delivery', uuid: delivery.uuid };
        this.log(recordedAt, 'delivery.recorded', subject, pledger, { quantity, confirmedAt: null });
        if (confirm) {
          const confirmedAt = this.tick();
          Object.assign(delivery, { confirmedAt, confirmedBy: this.actor(this.cast.lead) });
          this.log(confirmedAt, 'delivery.confirmed', subject, this.cast.lead, { quantity, confirmedAt: confirmedAt.toISOString() });
          return confirmedAt;
        }
        return undefined;
      };
      let last: Date | undefined;
      for (const quantity of pledgeStory.confirmed ?? []) {
        last = record(quantity, true);
      }
      if (pledgeStory.pending) {
        record(pledgeStory.pending, false);
      }
      // The stories' confirmed deliveries add up to the pledge exactly when it is FULFILLED.
      if (pledgeStory.status === PledgeStatus.FULFILLED) {
        Object.assign(pledge, { status: PledgeStatus.FULFILLED, fulfilledAt: last ?? this.tick() });
      }
    });
  }

  private addDeliverable(story: DeliverableStory): void {
    const owners = story.owners
      .map((key) => (key === 'lead' ? this.cast.lead : this.cast.partners.get(key)))
      .filter((uuid): uuid is string => !!uuid && this.accepted.has(uuid));
    if (!owners.length) {
      return;
    }
    const createdAt = this.tick();
    const deliverable = this.em.create(Deliverable, {
      project: this.project,
      title: story.title,
      description: story.description,
      dueOn: dayFrom(this.today, story.dueInDays),
      createdBy: this.actor(this.cast.lead),
      createdAt,
    });
    owners.forEach((organisation) =>
      this.em.create(DeliverableOwner, { deliverable, organisation: this.organisation(organisation), createdAt }),
    );
    for (const [needKey, index] of story.fedBy ?? []) {
      const pledge = this.pledges.get(needKey)?.[index];
      if (pledge && (pledge.status === PledgeStatus.ACCEPTED || pledge.status === PledgeStatus.FULFILLED)) {
        this.em.create(DeliverablePledge, { deliverable, pledge, createdAt });
      }
    }
    const subject = { type: 'Deliverable', uuid: deliverable.uuid };
    this.log(createdAt, 'deliverable.created', subject, this.cast.lead, { title: deliverable.title, status: 'PLANNED' });
    const path: { to: DeliverableStatus; by: string; reason?: string }[] = [];
    const order = [DeliverableStatus.IN_PROGRESS, DeliverableStatus.SUBMITTED, DeliverableStatus.ACCEPTED];
    for (const to of order.slice(0, order.indexOf(story.status) + 1)) {
      if (to === DeliverableStatus.SUBMITTED && story.sentBackBecause) {
        path.push({ to, by: owners[0]! }, { to: DeliverableStatus.IN_PROGRESS, by: this.cast.lead, reason: story.sentBackBecause });
      }
      path.push({ to, by: to === DeliverableStatus.ACCEPTED ? this.cast.lead : owners[0]! });
    }
    for (const move of path) {
      const at = this.tick();
      const from = deliverable.status;
      deliverable.status = move.to;
      deliverable.statusReason = move.reason ?? null;
      if (move.to === DeliverableStatus.SUBMITTED) {
        deliverable.submittedAt = at;
        deliverable.evidenceUrls = story.evidence ?? [];
      }
      if (move.to === DeliverableStatus.ACCEPTED) {
        deliverable.acceptedAt = at;
      }
      this.log(at, 'deliverable.transitioned', subject, move.by, { status: move.to, statusReason: move.reason ?? null }, { status: from });
    }
  }

  private closeNeed(story: NeedStory): void {
    const need = this.needs.get(story.key)!;
    need.closedAt = this.tick();
    this.log(need.closedAt, 'need.closed', { type: 'Need', uuid: need.uuid }, this.cast.lead, { closedAt: need.closedAt.toISOString() });
  }
}
