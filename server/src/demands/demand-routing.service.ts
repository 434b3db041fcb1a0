import { LockMode } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { VerificationStatus } from '../organisations/organisation.enums.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { appendEvent, changeDemand, type DemandDecision, type DemandStep } from './demand-change.js';
import { DemandTicket } from './demand-ticket.entity.js';
import { DemandEventAction, DemandStatus } from './demand.enums.js';
import { demandFacts } from './demand.facts.js';
import type { DemandDispatchInput, DemandMergeInput, DemandRejectInput, DemandToNeedInput } from './demand.inputs.js';
import { findNeedTarget } from './demand-need-target.js';
import { currentDueAt, OPEN_STATUSES } from './demand.transitions.js';

const NOTE_MAX = 1000;
const REASON_MAX = 500;

/** Dispatching, rejecting, merging and converting are the dispatcher's decisions (demand.dispatch). */
function forbiddenUnlessDispatcher({ actor, facts }: DemandDecision): Result<never> | undefined {
  return can(actor, 'demand.dispatch', facts)
    ? undefined
    : fail(UserErrorCode.FORBIDDEN, 'Only a grid worker of the ticket’s grid, or an administrator of a region containing it, may route it');
}

/** Ends the ticket: nobody owes anything any more. */
function close(ticket: DemandTicket, status: DemandStatus, now: Date): void {
  ticket.status = status;
  ticket.closedAt = now;
  ticket.dueAt = null;
}

/**
 * Sends a ticket to an organisation (派单). Also re-dispatches: while the organisation has not
 * answered, or — with a note saying why — after it accepted, which is the only way a ticket changes
 * owner (no bouncing between organisations without a dispatcher's decision).
 */
export async function demandDispatch(ctx: Context, id: string, input: DemandDispatchInput): Promise<Result<DemandTicket>> {
  const validator = new Validator();
  const note = validator.text(['input', 'note'], input.note, { max: NOTE_MAX, required: false });
  const organisationUuid = uuidOf(input.organisationId, 'Organisation');
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'dispatch', async (decision) => {
    const { tx, ticket, actor, now } = decision;
    const forbidden = forbiddenUnlessDispatcher(decision);
    if (forbidden) {
      return forbidden;
    }
    const organisation = organisationUuid ? await tx.loaders.organisations.byUuid.load(organisationUuid) : undefined;
    if (!organisation) {
      return fail(UserErrorCode.NOT_FOUND, 'No such organisation', ['input', 'organisationId']);
    }
    if (organisation.verificationStatus !== VerificationStatus.VERIFIED) {
      return fail(UserErrorCode.ORGANISATION_NOT_VERIFIED, 'Tickets go only to verified organisations', ['input', 'organisationId']);
    }
    if (ticket.status !== DemandStatus.SUBMITTED && ticket.assignedOrganisation?.uuid === organisation.uuid) {
      return fail(UserErrorCode.INVALID, 'The ticket is already with this organisation', ['input', 'organisationId']);
    }
    if (ticket.status === DemandStatus.ACCEPTED && !note) {
      return fail(UserErrorCode.REQUIRED, 'Say why the ticket is taken from the organisation that accepted it', ['input', 'note']);
    }
    ticket.status = DemandStatus.DISPATCHED;
    ticket.assignedOrganisation = tx.em.getReference(Organisation, organisation.uuid);
    ticket.ownerOrganisation = null;
    ticket.acceptedAt = null;
    ticket.dispatcher = tx.em.getReference(Person, actor.personUuid);
    ticket.dispatchedAt = now;
    ticket.dueAt = currentDueAt(ticket);
    return ok<DemandStep>({ action: DemandEventAction.DISPATCHED, activity: 'demand.dispatched', note });
  });
}

/** Closes a ticket the platform cannot or should not handle, with a reason the resident reads. */
export async function demandReject(ctx: Context, id: string, input: DemandRejectInput): Promise<Result<DemandTicket>> {
  const validator = new Validator();
  const reason = validator.text(['input', 'reason'], input.reason, { max: REASON_MAX });
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'reject', async (decision) => {
    const forbidden = forbiddenUnlessDispatcher(decision);
    if (forbidden) {
      return forbidden;
    }
    close(decision.ticket, DemandStatus.REJECTED, decision.now);
    decision.ticket.rejectionReason = reason!;
    return ok<DemandStep>({ action: DemandEventAction.REJECTED, activity: 'demand.rejected', note: reason });
  });
}

/** Closes a duplicate: its resident follows the open ticket it was merged into. */
export async function demandMerge(ctx: Context, id: string, input: DemandMergeInput): Promise<Result<DemandTicket>> {
  const validator = new Validator();
  const note = validator.text(['input', 'note'], input.note, { max: NOTE_MAX, required: false });
  const intoUuid = uuidOf(input.intoId, 'DemandTicket');
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'merge', async (decision) => {
    const { tx, ticket, actor, now } = decision;
    const forbidden = forbiddenUnlessDispatcher(decision);
    if (forbidden) {
      return forbidden;
    }
    if (intoUuid === ticket.uuid) {
      return fail(UserErrorCode.INVALID, 'A ticket cannot be merged into itself', ['input', 'intoId']);
    }
    const target = intoUuid ? await tx.em.findOne(DemandTicket, { uuid: intoUuid }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!target) {
      return fail(UserErrorCode.NOT_FOUND, 'No such demand ticket', ['input', 'intoId']);
    }
    if (!OPEN_STATUSES.includes(target.status)) {
      return fail(UserErrorCode.INVALID, `A duplicate is merged into an open ticket; that one is ${target.status}`, ['input', 'intoId']);
    }
    if (!can(actor, 'demand.dispatch', await demandFacts(tx, target))) {
      return fail(UserErrorCode.FORBIDDEN, 'You may not route the ticket to merge into', ['input', 'intoId']);
    }
    close(ticket, DemandStatus.MERGED, now);
    ticket.mergedInto = target;
    appendEvent(tx, target, { action: DemandEventAction.DUPLICATE_MERGED, note });
    return ok<DemandStep>({ action: DemandEventAction.MERGED, activity: 'demand.merged', note, alsoChanged: [target.uuid] });
  });
}

/** Turns a ticket into (a part of) a partner project's open need: the project takes it from there. */
export async function demandToNeed(ctx: Context, id: string, input: DemandToNeedInput): Promise<Result<DemandTicket>> {
  const validator = new Validator();
  const note = validator.text(['input', 'note'], input.note, { max: NOTE_MAX, required: false });
  const needUuid = uuidOf(input.needId, 'Need');
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'toNeed', async (decision) => {
    const { tx, ticket, facts, now } = decision;
    const forbidden = forbiddenUnlessDispatcher(decision);
    if (forbidden) {
      return forbidden;
    }
    const target = await findNeedTarget(tx.em, needUuid, facts.gridPath);
    if (!target.ok) {
      return target;
    }
    close(ticket, DemandStatus.CONVERTED_TO_NEED, now);
    ticket.convertedNeedUuid = target.value;
    return ok<DemandStep>({ action: DemandEventAction.CONVERTED_TO_NEED, activity: 'demand.convertedToNeed', note });
  });
}
