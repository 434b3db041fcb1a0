import type { Context } from '../app/context.js';
import { isGiven } from '../common/validation/given.js';
import { changeProject } from '../activity/project-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { chinaDay } from '../common/time/china-day.js';
import { checkQuantity } from '../common/validation/quantity.js';
import { lockNeed, needIsOpen, PROJECT_OF_NEED, wouldExceed } from '../needs/need-ledger.js';
import { preparedExecute } from '../db/prepared-query.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { VerificationStatus } from '../organisations/organisation.enums.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { coordinatingOrganisation, projectInChange } from '../projects/project-access.js';
import { acceptsPledges, isOpen } from '../projects/project-status.js';
import { pledgeInChange, pledgeSnapshot, pledgeUuid } from './pledge-access.js';
import { Pledge } from './pledge.entity.js';
import { PledgeStatus } from './pledge.enums.js';
import type { PledgeCreateInput, PledgeRespondInput, PledgeUpdateInput } from './pledge.inputs.js';

const EXCEEDS = (field: string[]) =>
  fail<never>(UserErrorCode.PLEDGE_EXCEEDS_NEED, 'Accepted and proposed pledges would exceed the quantity needed', field);

/**
 * A member pledges part of a need for their verified organisation. The need's row is locked while the
 * pledged total is checked and the pledge inserted, so concurrent pledges never overshoot the need.
 */
export function pledgeCreate(ctx: Context, input: PledgeCreateInput): Promise<Result<Pledge>> {
  return changeProject(ctx, async (tx) => {
    const needUuid = uuidOf(input.needId, 'Need');
    const found = await projectInChange(tx, needUuid, 'share', PROJECT_OF_NEED);
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'needId names no need you can see', ['input', 'needId']);
    }
    const organisationUuid = uuidOf(input.organisationId, 'Organisation');
    // Only its verification is read here; the pledge refers to it (the payload loads it when asked).
    const [pledger] = organisationUuid
      ? await preparedExecute<{ verification_status: VerificationStatus }>(
          tx.em,
          'select verification_status from organisation where id = ?',
          [organisationUuid],
        )
      : [];
    if (!pledger) {
      return fail(UserErrorCode.NOT_FOUND, 'organisationId names no organisation', ['input', 'organisationId']);
    }
    const organisation = tx.em.getReference(Organisation, organisationUuid!);
    if (!can(found.actor, 'pledge.create', { project: found.facts, pledgerUuid: organisation.uuid })) {
      return fail(UserErrorCode.FORBIDDEN, 'You may only pledge for an organisation you are a member of', ['input', 'organisationId']);
    }
    if (pledger.verification_status !== VerificationStatus.VERIFIED) {
      return fail(UserErrorCode.ORGANISATION_NOT_VERIFIED, 'Only verified organisations pledge', ['input', 'organisationId']);
    }
    if (!acceptsPledges(found.project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Pledges are taken only while the project is recruiting or active', [
        'input',
        'needId',
      ]);
    }
    const validator = new Validator();
    const quantity = checkQuantity(validator, ['input', 'quantity'], input.quantity);
    const note = validator.text(['input', 'note'], input.note, { max: 1000, required: false });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const need = (await lockNeed(tx, needUuid!))!;
    if (!needIsOpen(need, chinaDay(tx.clock.now()))) {
      return fail(UserErrorCode.NEED_CLOSED, 'The need is closed or past its deadline', ['input', 'needId']);
    }
    if (!need.allowOversubscription && (await wouldExceed(tx, need.uuid, need.quantity, quantity!))) {
      return EXCEEDS(['input', 'quantity']);
    }
    const pledge = tx.em.create(Pledge, {
      need,
      project: found.project,
      organisation,
      quantity: quantity!,
      note: note ?? null,
      createdBy: tx.auth!.personUuid,
      createdAt: tx.clock.now(),
    });
    return ok({
      value: pledge,
      activity: {
        action: 'pledge.created',
        subjectType: 'Pledge',
        subjectUuid: pledge.uuid,
        projectUuid: found.project.uuid,
        onBehalfOfUuid: organisation.uuid,
        after: pledgeSnapshot(pledge),
      },
    });
  });
}

/** The pledging organisation changes a pledge while the project has not answered it. */
export function pledgeUpdate(ctx: Context, id: string, input: PledgeUpdateInput): Promise<Result<Pledge>> {
  return changeProject(ctx, async (tx) => {
    const found = await pledgeInChange(tx, pledgeUuid(id));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no pledge you can see', ['id']);
    }
    const { pledge, need, project } = found;
    if (!can(found.actor, 'pledge.edit', found.pledgeFacts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only members of the pledging organisation edit its pledge', ['id']);
    }
    if (pledge.status !== PledgeStatus.PROPOSED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${pledge.status} pledge can no longer be edited`, ['id']);
    }
    if (!acceptsPledges(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Pledges change only while the project is recruiting or active', ['id']);
    }
    const validator = new Validator();
    const quantity = isGiven(input.quantity) ? checkQuantity(validator, ['input', 'quantity'], input.quantity) : undefined;
    const note = input.note !== undefined ? validator.text(['input', 'note'], input.note, { max: 1000, required: false }) : undefined;
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    if (quantity !== undefined) {
      if (!needIsOpen(need, chinaDay(tx.clock.now()))) {
        return fail(UserErrorCode.NEED_CLOSED, 'The need is closed or past its deadline', ['id']);
      }
      if (!need.allowOversubscription && (await wouldExceed(tx, need.uuid, need.quantity, quantity, pledge.uuid))) {
        return EXCEEDS(['input', 'quantity']);
      }
    }
    const before = pledgeSnapshot(pledge);
    if (quantity !== undefined) {
      pledge.quantity = quantity;
    }
    if (note !== undefined) {
      pledge.note = note ?? null;
    }
    return ok({
      value: pledge,
      activity: {
        action: 'pledge.updated',
        subjectType: 'Pledge',
        subjectUuid: pledge.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: pledge.organisation.uuid,
        before,
        after: pledgeSnapshot(pledge),
      },
    });
  });
}

/** Coordinators accept or decline a proposed pledge — never one of their own organisation. */
export function pledgeRespond(ctx: Context, id: string, input: PledgeRespondInput): Promise<Result<Pledge>> {
  return changeProject(ctx, async (tx) => {
    const found = await pledgeInChange(tx, pledgeUuid(id));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no pledge you can see', ['id']);
    }
    const { pledge, project } = found;
    if (!can(found.actor, 'pledge.respond', found.pledgeFacts)) {
      return fail(UserErrorCode.FORBIDDEN, "Only the project's coordinators answer pledges, and never their own organisation's", ['id']);
    }
    if (pledge.status !== PledgeStatus.PROPOSED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${pledge.status} pledge has already been answered`, ['id']);
    }
    if (!acceptsPledges(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, 'Pledges are answered only while the project is recruiting or active', ['id']);
    }
    const validator = new Validator();
    const note = validator.text(['input', 'note'], input.note, { max: 1000, required: false });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const before = pledgeSnapshot(pledge);
    pledge.status = input.accept ? PledgeStatus.ACCEPTED : PledgeStatus.DECLINED;
    pledge.responseNote = note ?? null;
    pledge.respondedAt = tx.clock.now();
    pledge.respondedBy = tx.em.getReference(Person, tx.auth!.personUuid);
    return ok({
      value: pledge,
      activity: {
        action: input.accept ? 'pledge.accepted' : 'pledge.declined',
        subjectType: 'Pledge',
        subjectUuid: pledge.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: coordinatingOrganisation(found.actor, found.facts),
        before,
        after: pledgeSnapshot(pledge),
      },
    });
  });
}

/** The pledging organisation takes back a pledge before it is fulfilled; confirmed deliveries stay on record. */
export function pledgeWithdraw(ctx: Context, id: string): Promise<Result<Pledge>> {
  return changeProject(ctx, async (tx) => {
    const found = await pledgeInChange(tx, pledgeUuid(id));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'id names no pledge you can see', ['id']);
    }
    const { pledge, project } = found;
    if (!can(found.actor, 'pledge.edit', found.pledgeFacts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only members of the pledging organisation withdraw its pledge', ['id']);
    }
    if (pledge.status !== PledgeStatus.PROPOSED && pledge.status !== PledgeStatus.ACCEPTED) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `A ${pledge.status} pledge cannot be withdrawn`, ['id']);
    }
    if (!isOpen(project.status)) {
      return fail(UserErrorCode.INVALID_STATE_TRANSITION, `Pledges of a ${project.status} project no longer change`, ['id']);
    }
    const before = pledgeSnapshot(pledge);
    pledge.status = PledgeStatus.WITHDRAWN;
    return ok({
      value: pledge,
      activity: {
        action: 'pledge.withdrawn',
        subjectType: 'Pledge',
        subjectUuid: pledge.uuid,
        projectUuid: project.uuid,
        onBehalfOfUuid: pledge.organisation.uuid,
        before,
        after: pledgeSnapshot(pledge),
      },
    });
  });
}
