import { LockMode } from '@mikro-orm/core';
import { recordActivity } from '../activity/activity.service.js';
import type { Context } from '../app/context.js';
import { fail, failMany, ok, type Result } from '../common/errors/result.js';
import { UserErrorCode } from '../common/errors/user-error-code.js';
import { Validator } from '../common/errors/validate.js';
import { uuidOf } from '../common/relay/global-id.js';
import { Person } from '../people/person.entity.js';
import { can } from '../policy/policy.js';
import { Organisation } from './organisation.entity.js';
import { VerificationDecision, VerificationStatus } from './organisation.enums.js';
import { organisationFacts } from './organisation.facts.js';
import type { OrganisationVerifyInput } from './organisation.inputs.js';

const NOTE_MAX = 500;

/**
 * A region administrator's decision on an organisation in their subtree. Any status may move to the
 * other (a rejected organisation may be verified after correcting its profile; a verified one may be
 * rejected when it turns out not to be genuine), but never to the status it already has.
 */
export async function organisationVerify(ctx: Context, id: string, input: OrganisationVerifyInput): Promise<Result<Organisation>> {
  const uuid = uuidOf(id, 'Organisation');
  const existing = uuid && (await ctx.loaders.organisations.byUuid.load(uuid));
  if (!existing) {
    return fail(UserErrorCode.NOT_FOUND, 'No such organisation', ['id']);
  }
  const actor = await ctx.actor();
  if (!can(actor, 'organisation.verify', await organisationFacts(ctx, existing))) {
    return fail(UserErrorCode.FORBIDDEN, 'Only an administrator of a region containing the organisation may verify it');
  }
  const rejecting = input.decision === VerificationDecision.REJECT;
  const validator = new Validator();
  const note = validator.text(['input', 'note'], input.note, { max: NOTE_MAX, required: rejecting });
  if (!validator.ok) {
    return failMany(validator.errors);
  }
  const target = rejecting ? VerificationStatus.REJECTED : VerificationStatus.VERIFIED;
  return ctx.em.transactional(async (tx) => {
    const organisation = await tx.findOneOrFail(
      Organisation,
      { uuid: existing.uuid },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const previous = organisation.verificationStatus;
    if (previous === target) {
      return fail<Organisation>(UserErrorCode.INVALID_STATE_TRANSITION, `The organisation is already ${target}`, ['input', 'decision']);
    }
    organisation.verificationStatus = target;
    organisation.verifiedAt = ctx.clock.now();
    organisation.verifiedBy = tx.getReference(Person, actor!.personUuid);
    organisation.verificationNote = note ?? null;
    recordActivity(
      { ...ctx, em: tx },
      {
        action: rejecting ? 'organisation.rejected' : 'organisation.verified',
        subjectType: 'Organisation',
        subjectUuid: organisation.uuid,
        // The administrator decides as the region's authority, not on the organisation's behalf.
        onBehalfOfUuid: null,
        before: { verificationStatus: previous },
        after: { verificationStatus: target, note: note ?? null },
      },
    );
    return ok(organisation);
  });
}
