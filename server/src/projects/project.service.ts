import type { Context } from '../app/context.js';
import { isGiven } from '../common/validation/given.js';
import { changeProject } from '../activity/project-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationKind, VerificationStatus } from '../organisations/organisation.enums.js';
import { organisationFacts } from '../organisations/organisation.facts.js';
import { ProjectPartner } from '../partners/project-partner.entity.js';
import { ProjectPartnerRole, ProjectPartnerStatus } from '../partners/project-partner.enums.js';
import { can } from '../policy/policy.js';
import { Region } from '../regions/region.entity.js';
import { coordinatingOrganisation, projectInChange } from './project-access.js';
import { isOpen, isStructureEditable, PROJECT_TRANSITIONS } from './project-status.js';
import { Project, ProjectRegion } from './project.entity.js';
import { ProjectStatus } from './project.enums.js';
import type { ProjectCreateInput, ProjectTransitionInput, ProjectUpdateInput } from './project.inputs.js';

const MAX_REGIONS = 20;

/** The fields of a project the activity log keeps before and after a change. */
function snapshot(project: Project, regionUuids?: string[]): Record<string, unknown> {
  return {
    title: project.title,
    summary: project.summary,
    category: project.category,
    status: project.status,
    startDate: project.startDate,
    endDate: project.endDate ?? null,
    ...(regionUuids ? { regionIds: regionUuids.map((uuid) => toGlobalId('Region', uuid)) } : {}),
  };
}

/** Decodes and loads the regions a project serves; reports each unknown id at its index. */
async function loadRegions(tx: Context, validator: Validator, ids: readonly string[]): Promise<Region[]> {
  const field = ['input', 'regionIds'];
  if (!ids.length) {
    validator.add(UserErrorCode.REQUIRED, field, 'a project serves at least one region');
    return [];
  }
  if (ids.length > MAX_REGIONS) {
    validator.add(UserErrorCode.INVALID, field, `a project serves at most ${MAX_REGIONS} regions`);
    return [];
  }
  const uuids = ids.map((id) => uuidOf(id, 'Region'));
  const found = await tx.em.find(Region, { uuid: { $in: uuids.filter((uuid): uuid is string => !!uuid) } });
  const byUuid = new Map(found.map((region) => [region.uuid, region]));
  const regions = new Map<string, Region>();
  uuids.forEach((uuid, index) => {
    const region = uuid && byUuid.get(uuid);
    if (region) {
      regions.set(region.uuid, region);
    } else {
      validator.add(UserErrorCode.NOT_FOUND, [...field, String(index)], `region ${index + 1} does not exist`);
    }
  });
  return [...regions.values()];
}

function checkDates(validator: Validator, startDate: string, endDate: string | null | undefined): void {
  // Both are YYYY-MM-DD, so comparing the text compares the days.
  if (endDate && endDate < startDate) {
    validator.add(UserErrorCode.INVALID, ['input', 'endDate'], 'endDate must not be before startDate');
  }
}

/** Creates a DRAFT project led by a verified Party organisation, which becomes its CORE partner. */
export function projectCreate(ctx: Context, input: ProjectCreateInput): Promise<Result<Project>> {
  return changeProject(ctx, async (tx) => {
    const validator = new Validator();
    const title = validator.text(['input', 'title'], input.title, { max: 100 });
    const summary = validator.text(['input', 'summary'], input.summary, { max: 5000 });
    checkDates(validator, input.startDate, input.endDate);
    const regions = await loadRegions(tx, validator, input.regionIds);
    const leadUuid = uuidOf(input.leadOrganisationId, 'Organisation');
    const lead = leadUuid ? await tx.em.findOne(Organisation, { uuid: leadUuid }) : null;
    if (!lead) {
      validator.add(UserErrorCode.NOT_FOUND, ['input', 'leadOrganisationId'], 'leadOrganisationId names no organisation');
    }
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const field = ['input', 'leadOrganisationId'];
    if (!can(await tx.actor(), 'project.create', await organisationFacts(tx, lead!))) {
      return fail(UserErrorCode.FORBIDDEN, 'Only an ADMIN or COORDINATOR of the lead organisation may start its projects', field);
    }
    if (lead!.kind !== OrganisationKind.PARTY_ORGANISATION) {
      return fail(UserErrorCode.LEAD_NOT_PARTY_ORGANISATION, 'The lead of a partner project must be a Party organisation', field);
    }
    if (lead!.verificationStatus !== VerificationStatus.VERIFIED) {
      return fail(UserErrorCode.ORGANISATION_NOT_VERIFIED, 'The lead organisation must be verified first', field);
    }
    const now = tx.clock.now();
    const personUuid = tx.auth!.personUuid;
    const project = tx.em.create(Project, {
      title: title!,
      summary: summary!,
      category: input.category,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      leadOrganisation: lead!,
      createdBy: personUuid,
      createdAt: now,
    });
    for (const region of regions) {
      tx.em.create(ProjectRegion, { project, region, createdAt: now });
    }
    // The one core: the lead holds the CORE place from the start and can never leave it.
    tx.em.create(ProjectPartner, {
      project,
      organisation: lead!,
      role: ProjectPartnerRole.CORE,
      status: ProjectPartnerStatus.ACCEPTED,
      createdBy: personUuid,
      joinedAt: now,
      createdAt: now,
    });
    return ok({
      value: project,
      activity: {
        action: 'project.created',
        subjectType: 'Project',
        subjectUuid: project.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: lead!.uuid,
        after: snapshot(
          project,
          regions.map((region) => region.uuid),
        ),
      },
    });
  });
}

/** Edits a running project; category, regions and start date only before it is ACTIVE. */
export function projectUpdate(ctx: Context, id: string, input: ProjectUpdateInput): Promise<Result<Project>> {
  return changeProject(ctx, async (tx) => {
    const found = await projectInChange(tx, uuidOf(id, 'Project'), 'update');
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no project you can see', ['id']);
    }
    const { project, facts, actor } = found;
    if (!can(actor, 'project.coordinate', facts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the project may edit it', ['id']);
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${project.status} project can no longer be edited`, ['id']);
    }
    const validator = new Validator();
    const title = isGiven(input.title) ? validator.text(['input', 'title'], input.title, { max: 100 }) : undefined;
    const summary = isGiven(input.summary) ? validator.text(['input', 'summary'], input.summary, { max: 5000 }) : undefined;
    const structural = { category: input.category, regionIds: input.regionIds, startDate: input.startDate };
    for (const [key, value] of Object.entries(structural)) {
      if (isGiven(value) && !isStructureEditable(project.status)) {
        validator.add(
          UserErrorCode.INVALID_STATE_TRANSITION,
          ['input', key],
          `${key} can only change while the project is DRAFT or RECRUITING`,
        );
      }
    }
    checkDates(validator, input.startDate ?? project.startDate, input.endDate !== undefined ? input.endDate : project.endDate);
    const regions = isGiven(input.regionIds) ? await loadRegions(tx, validator, input.regionIds) : undefined;
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const links = await tx.em.find(ProjectRegion, { project }, { orderBy: { createdAt: 'asc', uuid: 'asc' } });
    const before = snapshot(
      project,
      links.map((link) => link.region.uuid),
    );
    if (title !== undefined) {
      project.title = title;
    }
    if (summary !== undefined) {
      project.summary = summary;
    }
    if (isGiven(input.category)) {
      project.category = input.category;
    }
    if (isGiven(input.startDate)) {
      project.startDate = input.startDate;
    }
    if (input.endDate !== undefined) {
      project.endDate = input.endDate;
    }
    let regionUuids = links.map((link) => link.region.uuid);
    if (regions) {
      const wanted = new Set(regions.map((region) => region.uuid));
      links.filter((link) => !wanted.has(link.region.uuid)).forEach((link) => tx.em.remove(link));
      const kept = new Set(links.map((link) => link.region.uuid));
      regions.filter((region) => !kept.has(region.uuid)).forEach((region) => tx.em.create(ProjectRegion, { project, region }));
      regionUuids = regions.map((region) => region.uuid);
    }
    return ok({
      value: project,
      activity: {
        action: 'project.updated',
        subjectType: 'Project',
        subjectUuid: project.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(actor, facts),
        before,
        after: snapshot(project, regionUuids),
      },
    });
  });
}

/**
 * Moves a project along its life cycle. Ending it (COMPLETED, CANCELLED) cancels the pledges still
 * waiting for an answer; cancelling also cancels accepted pledges not yet fulfilled.
 */
export function projectTransition(ctx: Context, id: string, input: ProjectTransitionInput): Promise<Result<Project>> {
  return changeProject(ctx, async (tx) => {
    const found = await projectInChange(tx, uuidOf(id, 'Project'), 'update');
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no project you can see', ['id']);
    }
    const { project, facts, actor } = found;
    if (!can(actor, 'project.coordinate', facts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the project may change its status', ['id']);
    }
    const from: ProjectStatus = project.status;
    if (!PROJECT_TRANSITIONS[from].includes(input.to)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A project cannot move from ${from} to ${input.to}`, ['input', 'to']);
    }
    const validator = new Validator();
    const reason = validator.text(['input', 'reason'], input.reason, { max: 500, required: input.to === ProjectStatus.CANCELLED });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    project.status = input.to;
    project.statusReason = reason ?? null;
    const cancelled = await cancelOpenPledges(tx, project.uuid, input.to);
    return ok({
      value: project,
      activity: {
        action: 'project.transitioned',
        subjectType: 'Project',
        subjectUuid: project.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(actor, facts),
        before: { status: from },
        after: { status: project.status, reason: reason ?? null, ...(cancelled.length ? { cancelledPledgeIds: cancelled } : {}) },
      },
    });
  });
}

async function cancelOpenPledges(tx: Context, projectUuid: string, to: ProjectStatus): Promise<string[]> {
  const statuses = to === ProjectStatus.CANCELLED ? ['PROPOSED', 'ACCEPTED'] : to === ProjectStatus.COMPLETED ? ['PROPOSED'] : [];
  if (!statuses.length) {
    return [];
  }
  const rows = await tx.em.execute<{ id: string }[]>(
    `update pledge set status = 'CANCELLED' where project_id = ? and status in (${statuses.map(() => '?').join(', ')}) returning id`,
    [projectUuid, ...statuses],
  );
  return rows.map((row) => toGlobalId('Pledge', row.id));
}
