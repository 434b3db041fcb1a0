import type { Context } from '../app/context.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { can } from '../policy/policy.js';
import { changeDemand, type DemandStep } from './demand-change.js';
import type { DemandTicket } from './demand-ticket.entity.js';
import { DemandEventAction, DemandRating, DemandStatus } from './demand.enums.js';
import type { DemandRateInput } from './demand.inputs.js';
import { currentDueAt, HOUR_MS, MAX_REOPENINGS } from './demand.transitions.js';

const COMMENT_MAX = 500;

/**
 * The resident rates the resolution (评单), once per round. An UNSATISFIED rating reopens the ticket
 * once: back to its owner for a second round with a fresh resolution deadline. The next UNSATISFIED
 * closes it for good (RATED, unsatisfied), as any other rating does.
 */
export async function demandRate(ctx: Context, id: string, input: DemandRateInput): Promise<Result<DemandTicket>> {
  const validator = new Validator();
  const unsatisfied = input.rating === DemandRating.UNSATISFIED;
  const comment = validator.text(['input', 'comment'], input.comment, { max: COMMENT_MAX, required: unsatisfied });
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  return changeDemand(ctx, id, 'rate', async ({ tx, ticket, facts, actor, now }) => {
    if (!can(actor, 'demand.rate', facts)) {
      return fail(UserErrorCode.FORBIDDEN, 'Only the resident may rate their demand');
    }
    ticket.rating = input.rating;
    ticket.ratingComment = comment ?? null;
    ticket.ratedAt = now;
    if (unsatisfied && ticket.reopenedCount < MAX_REOPENINGS) {
      const policy = await tx.loaders.demands.categoryPolicy.load(ticket.category);
      ticket.status = DemandStatus.ACCEPTED;
      ticket.round += 1;
      ticket.reopenedCount += 1;
      ticket.resolvedAt = null;
      ticket.resolutionDueAt = new Date(now.getTime() + policy!.resolutionHours * HOUR_MS);
      ticket.dueAt = currentDueAt(ticket);
      // Escalation is per round: the timeline keeps the first round's, the second may escalate anew.
      ticket.escalatedAt = null;
      ticket.escalatedTo = null;
      return ok<DemandStep>({ action: DemandEventAction.REOPENED, activity: 'demand.reopened', note: comment, rating: input.rating });
    }
    ticket.status = DemandStatus.RATED;
    ticket.closedAt = now;
    ticket.dueAt = null;
    return ok<DemandStep>({ action: DemandEventAction.RATED, activity: 'demand.rated', note: comment, rating: input.rating });
  });
}
