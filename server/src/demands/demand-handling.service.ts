import type { Context } from '../app/context.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { checkEvidenceUrls } from '../common/validation/quantity.js';
import { can } from '../policy/policy.js';
import { changeDemand, type DemandDecision, type DemandStep } from './demand-change.js';
import type { DemandTicket } from './demand-ticket.entity.js';
import { DemandEventAction, DemandStatus } from './demand.enums.js';
import type { DemandDeclineInput, DemandNoteInput } from './demand.inputs.js';
import { currentDueAt } from './demand.transitions.js';

const REASON_MAX = 1000;
const NOTE_MAX = 2000;

function forbiddenUnlessResponder({ actor, facts }: DemandDecision): Result<never> | undefined {
  return can(actor, 'demand.respond', facts)
    ? undefined
    : fail(UserErrorCode.FORBIDDEN, 'Only an ADMIN or COORDINATOR of the organisation the ticket is dispatched to may answer it');
}

function forbiddenUnlessOwner({ actor, facts }: DemandDecision): Result<never> | undefined {
  return can(actor, 'demand.work', facts)
    ? undefined
    : fail(UserErrorCode.FORBIDDEN, 'Only the organisation that accepted the ticket works on it (first receiver owns)');
}

/** The organisation accepts the ticket (接单) and owns it until it is resolved. */
export async function demandAccept(ctx: Context, id: string): Promise<Result<DemandTicket>> {
  return changeDemand(ctx, id, 'accept', async (decision) => {
    const forbidden = forbiddenUnlessResponder(decision);
    if (forbidden) {
      return forbidden;
    }
    const { ticket, now } = decision;
    ticket.status = DemandStatus.ACCEPTED;
    ticket.ownerOrganisation = ticket.assignedOrganisation;
    ticket.acceptedAt = now;
    // The response is the first acceptance; a later owner after re-dispatch does not reset it.
    ticket.respondedAt ??= now;
    ticket.dueAt = currentDueAt(ticket);
    return ok<DemandStep>({
      action: DemandEventAction.ACCEPTED,
      activity: 'demand.accepted',
      onBehalfOfUuid: ticket.ownerOrganisation!.uuid,
    });
  });
}

/** The organisation declines, with a reason: the ticket goes back to the dispatcher, whose timeline shows why. */
export async function demandDecline(ctx: Context, id: string, input: DemandDeclineInput): Promise<Result<DemandTicket>> {
  const validator = new Validator();
  const reason = validator.text(['input', 'reason'], input.reason, { max: REASON_MAX });
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'decline', async (decision) => {
    const forbidden = forbiddenUnlessResponder(decision);
    if (forbidden) {
      return forbidden;
    }
    const { ticket } = decision;
    const declining = ticket.assignedOrganisation!.uuid;
    ticket.status = DemandStatus.SUBMITTED;
    ticket.assignedOrganisation = null;
    ticket.dueAt = currentDueAt(ticket);
    return ok<DemandStep>({ action: DemandEventAction.DECLINED, activity: 'demand.declined', note: reason, onBehalfOfUuid: declining });
  });
}

function parseNote(input: DemandNoteInput): { validator: Validator; note?: string; evidenceUrls: string[] } {
  const validator = new Validator();
  const note = validator.text(['input', 'note'], input.note, { max: NOTE_MAX });
  const evidenceUrls = checkEvidenceUrls(validator, ['input', 'evidenceUrls'], input.evidenceUrls);
  return { validator, note, evidenceUrls };
}

/** The owner records something it did (a visit, a call, a repair ordered) on the resident's timeline. */
export async function demandAddAction(ctx: Context, id: string, input: DemandNoteInput): Promise<Result<DemandTicket>> {
  const { validator, note, evidenceUrls } = parseNote(input);
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'addAction', async (decision) => {
    const forbidden = forbiddenUnlessOwner(decision);
    if (forbidden) {
      return forbidden;
    }
    return ok<DemandStep>({
      action: DemandEventAction.ACTION_RECORDED,
      activity: 'demand.actionRecorded',
      note,
      evidenceUrls,
      onBehalfOfUuid: decision.ticket.ownerOrganisation!.uuid,
    });
  });
}

/** The owner resolves the ticket with a note and evidence; the resident then has 7 days to rate it. */
export async function demandResolve(ctx: Context, id: string, input: DemandNoteInput): Promise<Result<DemandTicket>> {
  const { validator, note, evidenceUrls } = parseNote(input);
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'resolve', async (decision) => {
    const forbidden = forbiddenUnlessOwner(decision);
    if (forbidden) {
      return forbidden;
    }
    const { ticket, now } = decision;
    ticket.status = DemandStatus.RESOLVED;
    ticket.resolvedAt = now;
    ticket.resolutionNote = note!;
    ticket.resolutionEvidenceUrls = evidenceUrls;
    ticket.dueAt = null;
    return ok<DemandStep>({
      action: DemandEventAction.RESOLVED,
      activity: 'demand.resolved',
      note,
      evidenceUrls,
      onBehalfOfUuid: ticket.ownerOrganisation!.uuid,
    });
  });
}
