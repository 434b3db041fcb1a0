import type { EntityManager } from '@mikro-orm/postgresql';
import { ActivityEntry } from '../activity/activity-entry.entity.js';
import { toGlobalId } from '../common/relay/global-id.js';
import { Need } from '../needs/need.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { Region } from '../regions/region.entity.js';
import { formatCentiHours, shiftLengthCenti } from '../volunteering/hours.js';
import { ServiceHoursEntry } from '../volunteering/service-hours-entry.entity.js';
import { newCheckInCode, shiftSnapshot } from '../volunteering/shift.service.js';
import { ShiftSignUp } from '../volunteering/shift-sign-up.entity.js';
import { signUpSnapshot } from '../volunteering/shift-sign-up.service.js';
import { Shift } from '../volunteering/shift.entity.js';
import { activitySnapshot } from '../volunteering/volunteer-activity.service.js';
import { VolunteerActivity } from '../volunteering/volunteer-activity.entity.js';
import { ServiceHoursKind, ShiftSignUpStatus } from '../volunteering/volunteering.enums.js';
import { VolunteerPointsRule } from '../volunteering/volunteer-points-rule.entity.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { seedCommitments } from './commitments.js';
import { Random } from './random.js';
import { ACTIVITY_STORIES, DEMO_POINTS_RULE, type ActivityStory, type ShiftStory } from './volunteering-stories.js';

/** Any fixed seed will do; changing it redraws who volunteered when. */
const SEED = 2026_05;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DEMO_VOLUNTEER = DEMO_ACCOUNTS.find((account) => account.role === 'Democratic-party volunteer')!.identifier;

interface ProjectRow {
  id: string;
  title: string;
  lead_organisation_id: string;
  region_id: string;
}

/**
 * What the stories need from the seeded district and projects, read in a fixed order (ids differ per
 * seed, names do not). Coordinators: a demo account where one runs the organisation, so the demo shows it.
 */
async function loadDirectory(em: EntityManager) {
  const [projects, partners, needs, actors, volunteers] = await Promise.all([
    em.execute<ProjectRow[]>(
      `select p.id, p.title, p.lead_organisation_id,
              (select pr.region_id from project_region pr where pr.project_id = p.id order by pr.created_at, pr.id limit 1) as region_id
         from project p where p.status in ('RECRUITING', 'ACTIVE', 'COMPLETED') order by p.title, p.id`,
    ),
    em.execute<{ project_id: string; organisation_id: string; name: string }[]>(
      `select pp.project_id, o.id as organisation_id, o.name from project_partner pp join organisation o on o.id = pp.organisation_id
        where pp.status = 'ACCEPTED' order by o.name, o.id`,
    ),
    em.execute<{ id: string; project_id: string }[]>(
      `select id, project_id from need where kind = 'VOLUNTEER_HOURS' order by created_at, id`,
    ),
    em.execute<{ organisation_id: string; person_id: string }[]>(
      `select distinct on (m.organisation_id) m.organisation_id, m.person_id
         from membership m join person p on p.id = m.person_id
        where m.role in ('ADMIN', 'COORDINATOR') and p.deleted_at is null
        order by m.organisation_id, p.phone like '138000000%' desc, m.role desc, m.created_at, m.id`,
    ),
    em.execute<{ id: string; phone: string }[]>(
      `select id, phone from person where 'VOLUNTEER' = any(tags) and deleted_at is null and phone is not null order by phone`,
    ),
  ]);
  const demoAccounts = new Set(DEMO_ACCOUNTS.map((account) => account.identifier));
  // A project's first VOLUNTEER_HOURS need takes its activities' hours.
  const hoursNeeds = new Map<string, string>();
  for (const need of needs) {
    if (!hoursNeeds.has(need.project_id)) {
      hoursNeeds.set(need.project_id, need.id);
    }
  }
  return {
    projects,
    partners,
    hoursNeeds,
    actors: new Map(actors.map((row) => [row.organisation_id, row.person_id])),
    demoVolunteer: volunteers.find((row) => row.phone === DEMO_VOLUNTEER)?.id,
    volunteers: volunteers.filter((row) => !demoAccounts.has(row.phone)).map((row) => row.id),
  };
}

type Directory = Awaited<ReturnType<typeof loadDirectory>>;

/** Start of a story day in China (`days` from today) at HH:MM. */
function chinaTime(now: Date, days: number, time: string): Date {
  const today = new Date(now.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return new Date(`${day}T${time}:00+08:00`);
}

/**
 * Writes the volunteer activities of the stories into the unit of work, each step with the activity
 * entry the API would have written, so project timelines show the volunteer work too.
 */
class ActivityBuilder {
  /** Each volunteer's places, so nobody holds two overlapping ones. */
  private readonly busy = new Map<string, [number, number][]>();
  /**
   * Corrections wait until their credits are written: inserted in one flush, a correction's reference to
   * its credit would be set by a later UPDATE, which the append-only ledger refuses.
   */
  readonly corrections: (() => void)[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly directory: Directory,
    private readonly random: Random,
    private readonly now: Date,
  ) {}

  private log(
    at: Date,
    action: string,
    subject: { type: string; uuid: string },
    project: string,
    by: { actor?: string | null; organisation?: string | null },
    after: Record<string, unknown>,
  ): void {
    this.em.create(ActivityEntry, {
      actor: by.actor ? this.em.getReference(Person, by.actor) : null,
      onBehalfOf: by.organisation ? this.em.getReference(Organisation, by.organisation) : null,
      action,
      subjectType: subject.type,
      subjectUuid: subject.uuid,
      projectUuid: project,
      after,
      createdAt: at,
    });
  }

  build(story: ActivityStory): void {
    const project = this.directory.projects.find((row) => row.title.includes(story.project));
    if (!project || !project.region_id) {
      return;
    }
    const partner = story.organiser
      ? this.directory.partners.find((row) => row.project_id === project.id && row.name.includes(story.organiser!))
      : undefined;
    const organiser = partner?.organisation_id ?? project.lead_organisation_id;
    const coordinator = this.directory.actors.get(organiser) ?? null;
    const firstShift = Math.min(...story.shifts.map((shift) => shift.day));
    const createdAt = new Date(chinaTime(this.now, Math.min(firstShift, 0), '09:00').getTime() - 10 * DAY_MS);
    const needUuid = story.deliversHours ? this.directory.hoursNeeds.get(project.id) : undefined;
    const activity = this.em.create(VolunteerActivity, {
      project: this.em.getReference(Project, project.id),
      organisation: this.em.getReference(Organisation, organiser),
      need: needUuid ? this.em.getReference(Need, needUuid) : null,
      title: story.title,
      description: story.description,
      place: story.place,
      region: this.em.getReference(Region, project.region_id),
      createdBy: coordinator ? this.em.getReference(Person, coordinator) : null,
      createdAt,
      updatedAt: createdAt,
    });
    const by = { actor: coordinator, organisation: organiser };
    this.log(
      createdAt,
      'volunteerActivity.created',
      { type: 'VolunteerActivity', uuid: activity.uuid },
      project.id,
      by,
      activitySnapshot(activity),
    );
    story.shifts.forEach((shiftStory, index) =>
      this.addShift(activity, shiftStory, new Date(createdAt.getTime() + (index + 1) * HOUR_MS), project.id, by),
    );
  }

  /** Volunteers free at [from, to): the demo volunteer first when the story says so, then a fair draw. */
  private pick(story: ShiftStory, from: number, to: number): string[] {
    const free = (uuid: string) => !(this.busy.get(uuid) ?? []).some(([start, end]) => start < to && end > from);
    const chosen =
      story.demoVolunteer && this.directory.demoVolunteer && free(this.directory.demoVolunteer) ? [this.directory.demoVolunteer] : [];
    for (const uuid of this.random.shuffle(this.directory.volunteers)) {
      if (chosen.length >= story.volunteers) {
        break;
      }
      if (free(uuid)) {
        chosen.push(uuid);
      }
    }
    for (const uuid of chosen) {
      this.busy.set(uuid, [...(this.busy.get(uuid) ?? []), [from, to]]);
    }
    return chosen;
  }

  private addShift(
    activity: VolunteerActivity,
    story: ShiftStory,
    createdAt: Date,
    project: string,
    by: { actor: string | null; organisation: string },
  ): void {
    const startsAt = chinaTime(this.now, story.day, story.from);
    const endsAt = new Date(startsAt.getTime() + story.hours * HOUR_MS);
    const shift = this.em.create(Shift, {
      activity,
      startsAt,
      endsAt,
      capacity: story.capacity,
      requiredSkills: story.skills ?? [],
      checkInCode: newCheckInCode((below) => this.random.int(0, below - 1)),
      createdBy: by.actor ? this.em.getReference(Person, by.actor) : null,
      createdAt,
    });
    this.log(createdAt, 'shift.created', { type: 'Shift', uuid: shift.uuid }, project, by, shiftSnapshot(shift));
    const served = endsAt <= this.now;
    const people = this.pick(story, startsAt.getTime(), endsAt.getTime());
    const signUps = people.map((person, index) => {
      const signedUpAt = new Date(createdAt.getTime() + (index + 1) * 37 * 60_000);
      const signUp = this.em.create(ShiftSignUp, {
        shift,
        person: this.em.getReference(Person, person),
        status: index < story.capacity ? ShiftSignUpStatus.CONFIRMED : ShiftSignUpStatus.WAITLISTED,
        createdAt: signedUpAt,
      });
      this.log(
        signedUpAt,
        'shiftSignUp.created',
        { type: 'ShiftSignUp', uuid: signUp.uuid },
        project,
        { actor: person },
        signUpSnapshot(signUp),
      );
      return signUp;
    });
    if (story.cancelled !== undefined && signUps[story.cancelled]) {
      this.cancel(signUps, story.cancelled, new Date(startsAt.getTime() - 2 * DAY_MS), project);
    }
    if (served) {
      signUps.forEach((signUp, index) => this.attend(signUp, story, index, endsAt, project, by));
    }
  }

  /** The volunteer cancels; the first one waiting moves up. */
  private cancel(signUps: ShiftSignUp[], index: number, at: Date, project: string): void {
    const signUp = signUps[index]!;
    const heldPlace = signUp.status === ShiftSignUpStatus.CONFIRMED;
    Object.assign(signUp, { status: ShiftSignUpStatus.CANCELLED, cancelledAt: at });
    const promoted = heldPlace ? signUps.find((other) => other.status === ShiftSignUpStatus.WAITLISTED) : undefined;
    if (promoted) {
      Object.assign(promoted, { status: ShiftSignUpStatus.CONFIRMED, promotedAt: at });
    }
    this.log(
      at,
      'shiftSignUp.cancelled',
      { type: 'ShiftSignUp', uuid: signUp.uuid },
      project,
      { actor: signUp.person.uuid },
      {
        ...signUpSnapshot(signUp),
        promotedPersonIds: promoted ? [toGlobalId('Person', promoted.person.uuid)] : [],
      },
    );
  }

  /** After the shift, the coordinator records attendance: hours into the ledger, or a no-show. */
  private attend(
    signUp: ShiftSignUp,
    story: ShiftStory,
    index: number,
    endsAt: Date,
    project: string,
    by: { actor: string | null; organisation: string },
  ): void {
    if (signUp.status !== ShiftSignUpStatus.CONFIRMED) {
      return;
    }
    const at = new Date(endsAt.getTime() + 30 * 60_000 + index * 60_000);
    const recorded = { attendanceRecordedAt: at, attendanceRecordedBy: by.actor ? this.em.getReference(Person, by.actor) : null };
    const subject = { type: 'ShiftSignUp', uuid: signUp.uuid };
    if (story.noShow === index) {
      Object.assign(signUp, { status: ShiftSignUpStatus.NO_SHOW, ...recorded });
      this.log(at, 'shiftSignUp.noShow', subject, project, by, signUpSnapshot(signUp));
      return;
    }
    const adjusted = story.adjusted?.index === index ? story.adjusted : undefined;
    Object.assign(signUp, {
      status: ShiftSignUpStatus.COMPLETED,
      checkedInAt: new Date(signUp.shift.startsAt.getTime() - 10 * 60_000),
      ...recorded,
    });
    const entry = this.em.create(ServiceHoursEntry, {
      person: signUp.person,
      signUp,
      shift: signUp.shift,
      organisation: this.em.getReference(Organisation, by.organisation),
      hours: adjusted?.hours ?? formatCentiHours(shiftLengthCenti(signUp.shift.startsAt, signUp.shift.endsAt)),
      kind: ServiceHoursKind.CREDIT,
      reason: adjusted?.reason ?? null,
      verifiedBy: by.actor ? this.em.getReference(Person, by.actor) : null,
      createdAt: at,
    });
    this.log(at, 'shiftSignUp.completed', subject, project, by, {
      ...signUpSnapshot(signUp),
      entryId: toGlobalId('ServiceHoursEntry', entry.uuid),
      hours: entry.hours,
      reason: entry.reason ?? null,
    });
    const correction = story.corrected?.index === index ? story.corrected : undefined;
    if (correction) {
      this.corrections.push(() => this.correct(signUp, entry, correction, at, project, by));
    }
  }

  private correct(
    signUp: ShiftSignUp,
    entry: ServiceHoursEntry,
    correction: NonNullable<ShiftStory['corrected']>,
    at: Date,
    project: string,
    by: { actor: string | null; organisation: string },
  ): void {
    const correctedAt = new Date(Math.min(at.getTime() + 2 * DAY_MS, this.now.getTime() - HOUR_MS));
    const corrected = this.em.create(ServiceHoursEntry, {
      person: signUp.person,
      signUp,
      shift: signUp.shift,
      organisation: entry.organisation,
      hours: correction.hours,
      kind: ServiceHoursKind.CORRECTION,
      reason: correction.reason,
      verifiedBy: entry.verifiedBy,
      corrects: entry,
      createdAt: correctedAt,
    });
    this.log(correctedAt, 'serviceHours.corrected', { type: 'ServiceHoursEntry', uuid: corrected.uuid }, project, by, {
      personId: toGlobalId('Person', signUp.person.uuid),
      correctsId: toGlobalId('ServiceHoursEntry', entry.uuid),
      hours: correction.hours,
      reason: correction.reason,
    });
  }
}

/**
 * Seeds volunteering and party-branch commitments into the demo district, inside the caller's
 * transaction, after `seedDistrict` and `seedProjects`: volunteer activities and shifts for some of the
 * demo projects (served shifts with their service hours, the odd no-show and correction, open shifts,
 * one full with a waitlist), a points rate of the demo social organisation, and about twenty
 * commitments of the demo party branches in every status with progress and ratings. Content is fixed
 * and read from the database by name; dates are relative to `now`. Missing projects or branches are
 * skipped, so it runs on any database holding the demo district.
 */
export async function seedVolunteering(em: EntityManager, now: Date = new Date()): Promise<void> {
  const random = new Random(SEED);
  const directory = await loadDirectory(em);
  const builder = new ActivityBuilder(em, directory, random, now);
  for (const story of ACTIVITY_STORIES) {
    builder.build(story);
  }
  await em.flush();
  builder.corrections.forEach((correct) => correct());
  const organiser = directory.partners.find((row) => row.name.includes(DEMO_POINTS_RULE.organiser));
  if (organiser) {
    const effectiveFrom = new Date(now.getTime() - DEMO_POINTS_RULE.daysAgo * DAY_MS);
    const admin = directory.actors.get(organiser.organisation_id);
    em.create(VolunteerPointsRule, {
      organisation: em.getReference(Organisation, organiser.organisation_id),
      pointsPerHour: DEMO_POINTS_RULE.pointsPerHour,
      effectiveFrom,
      createdBy: admin ? em.getReference(Person, admin) : null,
      createdAt: effectiveFrom,
    });
  }
  await seedCommitments(em, now, random);
  await em.flush();
}
