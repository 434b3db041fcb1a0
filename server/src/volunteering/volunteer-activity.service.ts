import type { Context } from '../app/context.js';
import { recordedChange } from '../activity/recorded-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Need } from '../needs/need.entity.js';
import { NeedKind } from '../needs/need.enums.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import { can, type ProjectFacts } from '../policy/policy.js';
import type { Project } from '../projects/project.entity.js';
import { isOpen } from '../projects/project-status.js';
import { projectInChange } from '../projects/project-access.js';
import { Region } from '../regions/region.entity.js';
import { activityInChange } from './volunteering-access.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import type { VolunteerActivityCreateInput, VolunteerActivityUpdateInput } from './volunteering.inputs.js';

export function activitySnapshot(activity: VolunteerActivity): Record<string, unknown> {
  return {
    organisationId: toGlobalId('Organisation', activity.organisation.uuid),
    needId: activity.need ? toGlobalId('Need', activity.need.uuid) : null,
    title: activity.title,
    place: activity.place,
    regionId: toGlobalId('Region', activity.region.uuid),
  };
}

/** The lead holds an accepted CORE place, so "the lead or an accepted partner" is one test on the places. */
function isAcceptedPartner(facts: ProjectFacts, organisationUuid: string): boolean {
  return facts.partners.some((place) => place.organisationUuid === organisationUuid && place.status === ProjectPartnerStatus.ACCEPTED);
}

async function volunteerHoursNeed(tx: Context, project: Project, id: string, validator: Validator): Promise<Need | undefined> {
  const uuid = uuidOf(id, 'Need');
  const need = uuid ? await tx.em.findOne(Need, { uuid, project: project.uuid }) : null;
  if (!need) {
    validator.add(UserErrorCode.NOT_FOUND, ['input', 'needId'], 'needId names no need of this project');
  } else if (need.kind !== NeedKind.VOLUNTEER_HOURS) {
    validator.add(UserErrorCode.INVALID, ['input', 'needId'], 'Only a VOLUNTEER_HOURS need takes volunteer hours');
  }
  return need ?? undefined;
}

async function region(tx: Context, id: string, validator: Validator): Promise<Region | undefined> {
  const uuid = uuidOf(id, 'Region');
  const found = uuid ? await tx.em.findOne(Region, { uuid }) : null;
  if (!found) {
    validator.add(UserErrorCode.NOT_FOUND, ['input', 'regionId'], 'regionId names no region');
  }
  return found ?? undefined;
}

/**
 * An ADMIN or COORDINATOR of the project's lead or of an accepted partner organises a volunteer activity
 * for it, while the project runs (drafts included: the activity is as secret as its project).
 */
export function volunteerActivityCreate(ctx: Context, input: VolunteerActivityCreateInput): Promise<Result<VolunteerActivity>> {
  return recordedChange(ctx, async (tx) => {
    const found = await projectInChange(tx, uuidOf(input.projectId, 'Project'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'projectId names no project you can see', ['input', 'projectId']);
    }
    const { project, facts, actor } = found;
    const organisationUuid = uuidOf(input.organisationId, 'Organisation');
    const organisation = organisationUuid ? await tx.em.findOne(Organisation, { uuid: organisationUuid }) : null;
    if (!organisation) {
      return fail(UserErrorCode.NOT_FOUND, 'organisationId names no organisation', ['input', 'organisationId']);
    }
    if (!can(actor, 'volunteering.coordinate', { organisationUuid: organisation.uuid })) {
      return fail(UserErrorCode.FORBIDDEN, 'Only ADMINs and COORDINATORs of the organising organisation create its activities', [
        'input',
        'organisationId',
      ]);
    }
    if (!isAcceptedPartner(facts, organisation.uuid)) {
      return fail(UserErrorCode.NOT_A_PARTNER, 'The organising organisation must lead the project or be an accepted partner', [
        'input',
        'organisationId',
      ]);
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${project.status} project takes no new activities`, ['input', 'projectId']);
    }
    const validator = new Validator();
    const title = validator.text(['input', 'title'], input.title, { max: 100 });
    const description = validator.text(['input', 'description'], input.description, { max: 5000 });
    const place = validator.text(['input', 'place'], input.place, { max: 200 });
    const need = input.needId ? await volunteerHoursNeed(tx, project, input.needId, validator) : undefined;
    const where = await region(tx, input.regionId, validator);
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const now = tx.clock.now();
    const activity = tx.em.create(VolunteerActivity, {
      project,
      organisation,
      need: need ?? null,
      title: title!,
      description: description!,
      place: place!,
      region: where!,
      createdBy: tx.auth!.personUuid,
      createdAt: now,
      updatedAt: now,
    });
    return ok({
      value: activity,
      activity: {
        action: 'volunteerActivity.created',
        subjectType: 'VolunteerActivity',
        subjectUuid: activity.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: organisation.uuid,
        after: activitySnapshot(activity),
      },
    });
  });
}

/** The organiser's coordinators edit the activity while its project runs. */
export function volunteerActivityUpdate(ctx: Context, id: string, input: VolunteerActivityUpdateInput): Promise<Result<VolunteerActivity>> {
  return recordedChange(ctx, async (tx) => {
    const found = await activityInChange(tx, uuidOf(id, 'VolunteerActivity'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no volunteer activity you can see', ['id']);
    }
    const { activity, project, actor } = found;
    if (!can(actor, 'volunteering.coordinate', { organisationUuid: activity.organisation.uuid })) {
      return fail(UserErrorCode.FORBIDDEN, 'Only ADMINs and COORDINATORs of the organising organisation edit the activity', ['id']);
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `Activities of a ${project.status} project can no longer change`, ['id']);
    }
    const validator = new Validator();
    const title =
      input.title === undefined || input.title === null ? undefined : validator.text(['input', 'title'], input.title, { max: 100 });
    const description =
      input.description === undefined || input.description === null
        ? undefined
        : validator.text(['input', 'description'], input.description, { max: 5000 });
    const place =
      input.place === undefined || input.place === null ? undefined : validator.text(['input', 'place'], input.place, { max: 200 });
    if (input.needId && input.unlinkNeed) {
      validator.add(UserErrorCode.INVALID, ['input', 'unlinkNeed'], 'Give either needId or unlinkNeed, not both');
    }
    const need = input.needId ? await volunteerHoursNeed(tx, project, input.needId, validator) : undefined;
    const where = input.regionId ? await region(tx, input.regionId, validator) : undefined;
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const before = activitySnapshot(activity);
    Object.assign(activity, {
      ...(title !== undefined && { title }),
      ...(description !== undefined && { description }),
      ...(place !== undefined && { place }),
      ...(where && { region: where }),
      ...(need && { need }),
      ...(input.unlinkNeed && { need: null }),
      updatedAt: tx.clock.now(),
    });
    return ok({
      value: activity,
      activity: {
        action: 'volunteerActivity.updated',
        subjectType: 'VolunteerActivity',
        subjectUuid: activity.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: activity.organisation.uuid,
        before,
        after: activitySnapshot(activity),
      },
    });
  });
}
