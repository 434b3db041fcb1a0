import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Context } from '../app/context.js';
import { recordedChange } from '../activity/recorded-change.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { can } from '../policy/policy.js';
import { commitmentInChange } from './commitment-access.js';
import { commitmentChange } from './commitment.service.js';
import { CommitmentEvaluation } from './commitment.entity.js';
import type { CommitmentEvaluateInput } from './commitment.inputs.js';

/**
 * A resident of the organisation's region, or a member of a village committee (council) in it, rates a
 * fulfilled commitment (评诺): a score of 1–5 and a comment, once per person. The committing side never
 * rates itself.
 */
export function commitmentEvaluate(ctx: Context, input: CommitmentEvaluateInput): Promise<Result<CommitmentEvaluation>> {
  return recordedChange(ctx, async (tx) => {
    const found = await commitmentInChange(tx, uuidOf(input.commitmentId, 'Commitment'));
    if (!found) {
      return fail(UserErrorCode.NOT_FOUND, 'commitmentId names no commitment you can see', ['input', 'commitmentId']);
    }
    const { commitment, facts, actor } = found;
    if (!can(actor, 'commitment.evaluate', facts)) {
      return fail(
        UserErrorCode.FORBIDDEN,
        "Residents of the organisation's region and members of its council rate commitments, never the committing side",
        ['input', 'commitmentId'],
      );
    }
    if (!commitment.fulfilledAt) {
      return fail(UserErrorCode.COMMITMENT_NOT_FULFILLED, 'Only fulfilled commitments are rated', ['input', 'commitmentId']);
    }
    const validator = new Validator();
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
      validator.add(UserErrorCode.INVALID, ['input', 'score'], 'score must be a whole number from 1 to 5');
    }
    const comment = validator.text(['input', 'comment'], input.comment, { max: 500, required: false });
    if (!validator.ok) {
      return failMany(validator.errors);
    }
    const already = () => fail<never>(UserErrorCode.ALREADY_EXISTS, 'You have already rated this commitment', ['input', 'commitmentId']);
    // The commitment's row lock serialises ratings of it, so the count sees any earlier rating; the unique index backs it.
    if ((await tx.em.count(CommitmentEvaluation, { commitment: commitment.uuid, person: actor!.personUuid })) > 0) {
      return already();
    }
    const evaluation = tx.em.create(CommitmentEvaluation, {
      commitment,
      person: actor!.personUuid,
      score: input.score,
      comment: comment ?? null,
      createdAt: tx.clock.now(),
    });
    try {
      await tx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        return already();
      }
      throw error;
    }
    return ok(
      commitmentChange(commitment, evaluation, {
        action: 'commitment.evaluated',
        subjectType: 'CommitmentEvaluation',
        subjectUuid: evaluation.uuid,
        // A resident or council member rates for themself, never on the organisation's behalf.
        onBehalfOfUuid: null,
        after: { commitmentId: commitment.id, score: input.score, comment: comment ?? null },
      }),
    );
  });
}
