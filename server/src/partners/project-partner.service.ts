import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import { changeProject } from '../activity/project-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { toGlobalId, uuidOf } from '../common/relay/global-id.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { VerificationStatus } from '../organisations/organisation.enums.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { coordinatingOrganisation, memberOrganisation, projectInChange } from '../projects/project-access.js';
import { acceptsPledges, isOpen } from '../projects/project-status.js';
import { ProjectPartner } from './project-partner.entity.js';
import { LIVE_PARTNER_STATUSES, ProjectPartnerRole, ProjectPartnerStatus } from './project-partner.enums.js';
import type { ProjectPartnerApplyInput, ProjectPartnerInviteInput, ProjectPartnerRespondInput } from './project-partner.inputs.js';

function snapshot(place: ProjectPartner): Record<string, unknown> {
  return {
    organisationId: toGlobalId('Organisation', place.organisation.uuid),
    role: place.role,
    status: place.status,
    message: place.message ?? null,
    responseNote: place.responseNote ?? null,
  };
}

async function findOrganisation(tx: Context, id: string): Promise<Organisation | null> {
  const uuid = uuidOf(id, 'Organisation');
  return uuid ? tx.em.findOne(Organisation, { uuid }) : null;
}

const NO_ORGANISATION = () => fail<never>(UserErrorCode.NOT_FOUND, 'organisationId names no organisation', ['input', 'organisationId']);
const NOT_VERIFIED = () =>
  fail<never>(UserErrorCode.ORGANISATION_NOT_VERIFIED, 'Only verified organisations join projects', ['input', 'organisationId']);

async function hasLivePlace(tx: Context, projectUuid: string, organisationUuid: string): Promise<boolean> {
  return (
    (await tx.em.count(ProjectPartner, {
      project: projectUuid,
      organisation: organisationUuid,
      status: { $in: [...LIVE_PARTNER_STATUSES] },
    })) > 0
  );
}

/** Inserts the place; a concurrent duplicate trips the partial unique index and answers ALREADY_EXISTS. */
async function insertPlace(tx: Context, place: ProjectPartner): Promise<Result<ProjectPartner>> {
  try {
    await tx.em.flush();
    return ok(place);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      return fail(UserErrorCode.ALREADY_EXISTS, 'The organisation already has a place in this project', ['input', 'organisationId']);
    }
    throw error;
  }
}

/**
 * Creates an organisation's place in a project (invited or applied) together with the one activity
 * entry that records it; a concurrent duplicate answers ALREADY_EXISTS.
 */
async function openPlace(
  tx: Context,
  place: Pick<ProjectPartner, 'project' | 'organisation' | 'role' | 'status'> & { message: string | undefined },
  entry: { action: string; onBehalfOfUuid: string | null | undefined },
) {
  const created = tx.em.create(ProjectPartner, {
    ...place,
    message: place.message ?? null,
    createdBy: tx.auth!.personUuid,
    createdAt: tx.clock.now(),
  });
  const inserted = await insertPlace(tx, created);
  if (!inserted.ok) {
    return inserted;
  }
  return ok({
    value: created,
    activity: {
      action: entry.action,
      subjectType: 'ProjectPartner',
      subjectUuid: created.uuid,
      projectUuid: created.project.uuid,
      onBehalfOfUuid: entry.onBehalfOfUuid,
      after: snapshot(created),
    },
  });
}

const ALREADY_PLACED = () =>
  fail<never>(UserErrorCode.ALREADY_EXISTS, 'The organisation is already invited to, applying to or a partner of this project', [
    'input',
    'organisationId',
  ]);

/** A coordinator invites a verified organisation as CO_LEAD, PARTNER or SUPPORTER. */
export function projectPartnerInvite(ctx: Context, input: ProjectPartnerInviteInput): Promise<Result<ProjectPartner>> {
  return changeProject(ctx, async (tx) => {
    const found = await projectInChange(tx, uuidOf(input.projectId, 'Project'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'projectId names no project you can see', ['input', 'projectId']);
    }
    const { project, facts, actor } = found;
    if (!can(actor, 'project.coordinate', facts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only coordinators of the project may invite partners', ['input', 'projectId']);
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${project.status} project takes no new partners`, ['input', 'projectId']);
    }
    if (input.role === ProjectPartnerRole.CORE) {
      return fail(UserErrorCode.INVALID, 'CORE is the lead organisation; invite as CO_LEAD, PARTNER or SUPPORTER', ['input', 'role']);
    }
    const validator = new Validator();
    const message = validator.text(['input', 'message'], input.message, { max: 1000, required: false });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const organisation = await findOrganisation(tx, input.organisationId);
    if (!organisation) {
      return NO_ORGANISATION();
    }
    if (organisation.verificationStatus !== VerificationStatus.VERIFIED) {
      return NOT_VERIFIED();
    }
    if (await hasLivePlace(tx, project.uuid, organisation.uuid)) {
      return ALREADY_PLACED();
    }
    return openPlace(
      tx,
      { project, organisation, role: input.role, status: ProjectPartnerStatus.INVITED, message },
      {
        action: 'projectPartner.invited',
        onBehalfOfUuid: coordinatingOrganisation(actor, facts),
      },
    );
  });
}

/** A member asks for their verified organisation to join a recruiting or active project. */
export function projectPartnerApply(ctx: Context, input: ProjectPartnerApplyInput): Promise<Result<ProjectPartner>> {
  return changeProject(ctx, async (tx) => {
    const found = await projectInChange(tx, uuidOf(input.projectId, 'Project'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'projectId names no project you can see', ['input', 'projectId']);
    }
    const { project, facts, actor } = found;
    const organisation = await findOrganisation(tx, input.organisationId);
    if (!organisation) {
      return NO_ORGANISATION();
    }
    if (
      !can(actor, 'projectPartner.apply', { project: facts, organisationUuid: organisation.uuid, status: ProjectPartnerStatus.APPLIED })
    ) {
      return fail(UserErrorCode.FORBIDDEN, 'You may only apply for an organisation you are a member of', ['input', 'organisationId']);
    }
    if (organisation.verificationStatus !== VerificationStatus.VERIFIED) {
      return NOT_VERIFIED();
    }
    if (!acceptsPledges(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Only recruiting or active projects take applications', ['input', 'projectId']);
    }
    const validator = new Validator();
    const message = validator.text(['input', 'message'], input.message, { max: 1000, required: false });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    if (await hasLivePlace(tx, project.uuid, organisation.uuid)) {
      return ALREADY_PLACED();
    }
    return openPlace(
      tx,
      { project, organisation, role: ProjectPartnerRole.PARTNER, status: ProjectPartnerStatus.APPLIED, message },
      {
        action: 'projectPartner.applied',
        onBehalfOfUuid: organisation.uuid,
      },
    );
  });
}

/** Loads a place for a change, locked, with its project; undefined when unknown or not visible. */
async function placeInChange(tx: Context, id: string) {
  const uuid = uuidOf(id, 'ProjectPartner');
  const place = uuid ? await tx.em.findOne(ProjectPartner, { uuid }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  const found = place ? await projectInChange(tx, place.project.uuid) : undefined;
  return place && found ? { place, ...found } : undefined;
}

/** The invited organisation answers an invitation; coordinators answer an application. */
export function projectPartnerRespond(ctx: Context, id: string, input: ProjectPartnerRespondInput): Promise<Result<ProjectPartner>> {
  return changeProject(ctx, async (tx) => {
    const found = await placeInChange(tx, id);
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no project partner you can see', ['id']);
    }
    const { place, project, facts, actor } = found;
    const placeFacts = { project: facts, organisationUuid: place.organisation.uuid, status: place.status };
    if (place.status !== ProjectPartnerStatus.INVITED && place.status !== ProjectPartnerStatus.APPLIED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${place.status} place has already been answered`, ['id']);
    }
    if (!can(actor, 'projectPartner.respond', placeFacts)) {
      return fail(
        UserErrorCode.FORBIDDEN,
        place.status === ProjectPartnerStatus.INVITED
          ? 'Only members of the invited organisation answer an invitation'
          : 'Only coordinators of the project, not of the applicant, answer an application',
        ['id'],
      );
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${project.status} project takes no new partners`, ['id']);
    }
    const validator = new Validator();
    const note = validator.text(['input', 'note'], input.note, { max: 1000, required: false });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const before = snapshot(place);
    const invited = place.status === ProjectPartnerStatus.INVITED;
    const now = tx.clock.now();
    place.status = input.accept ? ProjectPartnerStatus.ACCEPTED : ProjectPartnerStatus.DECLINED;
    place.responseNote = note ?? null;
    place.respondedAt = now;
    place.respondedBy = tx.em.getReference(Person, tx.auth!.personUuid);
    place.joinedAt = input.accept ? now : null;
    return ok({
      value: place,
      activity: {
        action: input.accept ? 'projectPartner.accepted' : 'projectPartner.declined',
        subjectType: 'ProjectPartner',
        subjectUuid: place.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: invited ? place.organisation.uuid : coordinatingOrganisation(actor, facts),
        before,
        after: snapshot(place),
      },
    });
  });
}

/** The organisation leaves (or takes back its application); coordinators may revoke an invitation. The core never leaves. */
export function projectPartnerWithdraw(ctx: Context, id: string): Promise<Result<ProjectPartner>> {
  return changeProject(ctx, async (tx) => {
    const found = await placeInChange(tx, id);
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no project partner you can see', ['id']);
    }
    const { place, project, facts, actor } = found;
    if (!can(actor, 'projectPartner.withdraw', { project: facts, organisationUuid: place.organisation.uuid, status: place.status })) {
      return fail(UserErrorCode.FORBIDDEN, 'Only the organisation itself withdraws its place; coordinators may revoke invitations', ['id']);
    }
    if (place.role === ProjectPartnerRole.CORE) {
      return fail(UserErrorCode.LEAD_CANNOT_WITHDRAW, 'The lead organisation is the core of the project and cannot withdraw', ['id']);
    }
    if (!LIVE_PARTNER_STATUSES.includes(place.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${place.status} place cannot be withdrawn`, ['id']);
    }
    const before = snapshot(place);
    place.status = ProjectPartnerStatus.WITHDRAWN;
    return ok({
      value: place,
      activity: {
        action: 'projectPartner.withdrawn',
        subjectType: 'ProjectPartner',
        subjectUuid: place.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: memberOrganisation(actor, [place.organisation.uuid]) ?? coordinatingOrganisation(actor, facts),
        before,
        after: snapshot(place),
      },
    });
  });
}
